// What the moderation integration tests share: their database client, members of each role, insights in
// each state, and reads of what a decision left behind (state, audit rows, notifications).
import { expect } from "vitest";
import type { AppError } from "@/lib/errors";
import { hashBody } from "@/lib/insight-hash";
import { appErrorOf, sessionOf, testDatabase } from "@/lib/testing/integration";
import { createArticle, createUser, FACTORY_INSIGHT_BODY, type UserOverrides } from "@/prisma/factories";
import type { SessionUser } from "../users";
import { reportInsight } from "./reports";
import { ALREADY_HANDLED, EDITED_SINCE_SEEN } from "./shared";

export const db = testDatabase(3);

export const MINUTE = 60 * 1000;
export const DAY = 24 * 60 * MINUTE;
export const ago = (ms: number) => new Date(Date.now() - ms);

type InsightState = "PENDING" | "PUBLISHED" | "HIDDEN" | "REJECTED" | "REMOVED";

export async function member(overrides: UserOverrides = {}): Promise<SessionUser> {
  return sessionOf(await createUser(db, overrides));
}

export const moderator = () => member({ role: "MODERATOR" });
/** A member whose reports count toward hiding an insight (an admin set their trust). */
export const trusted = () => member({ trustOverride: "TRUSTED" });
export const admin = () => member({ role: "ADMIN" });

let sequence = 0;

/**
 * An insight in `status` on a fresh article (in `domainId` when given). A pending or hidden one is in the
 * queue since `queuedAt` (default: its creation).
 */
export async function insightIn(
  status: InsightState,
  options: {
    authorId?: string;
    domainId?: string;
    queuedAt?: Date;
    createdAt?: Date;
    autoFlags?: string[];
    decidedById?: string;
  } = {},
) {
  const authorId = options.authorId ?? (await member()).id;
  const article = await createArticle(db, {
    ...(options.domainId ? { domainId: options.domainId } : {}),
    sections: [{ title: "The section", body: "The section's own text." }],
  });
  const section = article.sections[0]!;
  const body = `${FACTORY_INSIGHT_BODY} Moderation test ${++sequence} ${Math.random()}.`;
  const createdAt = options.createdAt ?? new Date();
  const queued = status === "PENDING" || status === "HIDDEN";
  const insight = await db.insight.create({
    data: {
      sectionId: section.id,
      liveSectionId: section.id,
      authorId,
      body,
      bodyHash: hashBody(body),
      idempotencyKey: `moderation-test-${sequence}-${Math.random()}`,
      status,
      createdAt,
      publishedAt: status === "PUBLISHED" || status === "HIDDEN" || status === "REMOVED" ? createdAt : null,
      queuedAt: queued ? (options.queuedAt ?? createdAt) : null,
      autoFlags: options.autoFlags ?? [],
      ...(status === "REJECTED" || status === "REMOVED"
        ? { decidedById: options.decidedById ?? null, decidedAt: new Date(), decisionReason: "SPAM" }
        : {}),
    },
    select: { id: true, body: true },
  });
  return { ...insight, authorId, article, section };
}

export async function auditRows(targetId: string) {
  return db.auditEntry.findMany({
    where: { targetId },
    select: { actorId: true, action: true, targetType: true, reason: true, note: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function notificationsOf(userId: string, insightId: string) {
  return db.notification.findMany({
    where: { userId, insightId },
    select: { kind: true, reason: true, message: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function stateOf(insightId: string) {
  return db.insight.findUniqueOrThrow({
    where: { id: insightId },
    select: {
      status: true,
      queuedAt: true,
      publishedAt: true,
      openReportCount: true,
      decidedById: true,
      decisionReason: true,
      decisionNote: true,
    },
  });
}

/** Expects `promise` to be refused with `code` (and, when given, exactly `message`). */
export async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: string) {
  const error = await appErrorOf(promise);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toBe(message);
}

/** Expects `promise` to be refused because another moderator decided the item first (or it moved on). */
export async function expectAlreadyHandled(promise: Promise<unknown>) {
  expect(await appErrorOf(promise)).toMatchObject({
    code: "CONFLICT",
    reason: "ALREADY_HANDLED",
    message: ALREADY_HANDLED,
  });
}

/** Expects `promise` to be refused because the author edited the insight after the moderator opened it. */
export async function expectEditedSinceSeen(promise: Promise<unknown>) {
  expect(await appErrorOf(promise)).toMatchObject({
    code: "CONFLICT",
    reason: "EDITED_SINCE_SEEN",
    message: EDITED_SINCE_SEEN,
  });
}

/** A published insight with open reports from `count` members (fewer than the three that hide it). */
export async function reportedInsight(count: number, options: Parameters<typeof insightIn>[1] = {}) {
  const insight = await insightIn("PUBLISHED", options);
  const reporters: SessionUser[] = [];
  for (let i = 0; i < count; i++) {
    const reporter = await trusted();
    reporters.push(reporter);
    await reportInsight(reporter, { insightId: insight.id, reason: i === 0 ? "SPAM" : "MISLEADING" });
  }
  return { ...insight, reporters };
}
