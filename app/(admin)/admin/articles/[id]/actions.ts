"use server";

import { after } from "next/server";
import { runAction, type ActionResult } from "@/lib/action-result";
import { expireTags, type Changed } from "@/lib/cache-expiry";
import { updateArticle } from "@/lib/data/editorial/articles";
import {
  cancelSchedule,
  publishArticle,
  scheduleArticle,
  unpublishArticle,
} from "@/lib/data/editorial/publishing";
import { addSection, moveSection, removeSection, updateSection } from "@/lib/data/editorial/sections";
import type { AdminArticle } from "@/lib/data/editorial/shared";
import { isAdmin } from "@/lib/domain/permissions";
import { requestFollowerNotifications } from "@/lib/jobs/follows";
import { requireUser, type SessionUser } from "@/lib/session";
import {
  addSectionSchema,
  articleIdSchema,
  moveSectionSchema,
  removeSectionSchema,
  scheduleArticleSchema,
  updateArticleSchema,
  updateSectionSchema,
} from "@/lib/validation/editorial";

// The article editor's actions. Admins only. Each answers with the article as it now stands and expires
// exactly the cached pages the change touched (none while the article is a draft).

type ArticleResult = ActionResult<{ article: AdminArticle }>;

function editing(
  change: (user: SessionUser) => Promise<Changed<{ article: AdminArticle }>>,
): Promise<ArticleResult> {
  return runAction(async () => {
    const user = await requireUser(isAdmin);
    const result = await change(user);
    await expireTags(result);
    return { article: result.article };
  });
}

export async function updateArticleAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => updateArticle(user, updateArticleSchema.parse(input)));
}

export async function addSectionAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => addSection(user, addSectionSchema.parse(input)));
}

export async function updateSectionAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => updateSection(user, updateSectionSchema.parse(input)));
}

export async function moveSectionAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => moveSection(user, moveSectionSchema.parse(input)));
}

export async function removeSectionAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => removeSection(user, removeSectionSchema.parse(input)));
}

export async function publishArticleAction(input: unknown): Promise<ArticleResult> {
  return editing(async (user) => {
    const change = await publishArticle(user, articleIdSchema.parse(input));
    // The domain's followers are told by a job once this has committed (a repeat tells no one twice).
    after(() => requestFollowerNotifications({ articleId: change.article.id, publishedById: user.id }));
    return change;
  });
}

export async function unpublishArticleAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => unpublishArticle(user, articleIdSchema.parse(input)));
}

export async function scheduleArticleAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => scheduleArticle(user, scheduleArticleSchema.parse(input)));
}

export async function cancelScheduleAction(input: unknown): Promise<ArticleResult> {
  return editing((user) => cancelSchedule(user, articleIdSchema.parse(input)));
}
