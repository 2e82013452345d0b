// What a notification says. Pure wording, shared by the data layer (which builds the list) and its tests;
// a new NotificationKind adds its case here and the exhaustive switch makes sure it is not forgotten.
import type {
  AppealStatus,
  BadgeTier,
  DecisionReason,
  NotificationKind,
  ReactionKind,
} from "@/lib/generated/prisma/enums";
import { DECISION_REASON_LABELS } from "./moderation";

export type NotificationSubject =
  | { kind: Extract<NotificationKind, "INSIGHT_PUBLISHED">; sectionTitle: string }
  | {
      kind: Extract<NotificationKind, "INSIGHT_REACTIONS">;
      reactionKind: ReactionKind;
      /** how many members reacted this way: at least 1 */
      actorCount: number;
    }
  | {
      kind: Extract<NotificationKind, "BADGE_GRANTED">;
      badgeName: string;
      tier: BadgeTier;
      /** for per-domain badges (Top Voice) */
      domainName: string | null;
    }
  | {
      kind: Extract<NotificationKind, "INSIGHT_APPROVED" | "INSIGHT_RESTORED" | "INSIGHT_HIDDEN">;
      sectionTitle: string;
    }
  | {
      kind: Extract<NotificationKind, "INSIGHT_REJECTED" | "INSIGHT_REMOVED">;
      sectionTitle: string;
      reason: DecisionReason | null;
      /** the moderator's optional note */
      note: string | null;
    }
  | {
      kind: Extract<NotificationKind, "APPEAL_DECIDED">;
      sectionTitle: string;
      outcome: Exclude<AppealStatus, "OPEN">;
      note: string | null;
    }
  | { kind: Extract<NotificationKind, "MEMBER_WARNED">; message: string }
  | {
      kind: Extract<NotificationKind, "MEMBER_SUSPENDED">;
      /** ISO end of the suspension */
      until: string;
      message: string;
    }
  | { kind: Extract<NotificationKind, "SANCTION_LIFTED"> }
  | { kind: Extract<NotificationKind, "FOLLOWED_DOMAIN_ARTICLE">; domainName: string; articleTitle: string }
  | {
      kind: Extract<NotificationKind, "FOLLOWED_ARTICLE_INSIGHT">;
      articleTitle: string;
      /** how many new insights since the member last read this notification */
      actorCount: number;
    };

/** What the reacting members did, after "3 people …": past tense, so one form serves one and many. */
export const REACTION_PHRASES: Record<ReactionKind, string> = {
  LIKE: "liked your insight",
  INSIGHTFUL: "found your insight insightful",
  HELPFUL: "found your insight helpful",
  CELEBRATE: "celebrated your insight",
  UNHELPFUL: "marked your insight unhelpful",
};

/** A moment as members read it in notifications: "22 Nov 2026, 14:05 UTC". */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(date);
  return `${day}, ${time} UTC`;
}

function withNote(text: string, note: string | null): string {
  return note ? `${text} Moderator's note: ${note}` : text;
}

/** "1 person", "3 people". */
export function peopleCount(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
}

export function notificationText(subject: NotificationSubject): string {
  switch (subject.kind) {
    case "INSIGHT_PUBLISHED":
      return `Your insight on “${subject.sectionTitle}” was published.`;
    case "INSIGHT_REACTIONS":
      return `${peopleCount(subject.actorCount)} ${REACTION_PHRASES[subject.reactionKind]}`;
    case "BADGE_GRANTED": {
      const tier =
        subject.tier === "NONE" ? "" : ` (${subject.tier.charAt(0)}${subject.tier.slice(1).toLowerCase()})`;
      const domain = subject.domainName ? ` in ${subject.domainName}` : "";
      return `You earned the ${subject.badgeName} badge${tier}${domain}.`;
    }
    case "INSIGHT_APPROVED":
      return `Your insight on “${subject.sectionTitle}” was approved and is now published.`;
    case "INSIGHT_RESTORED":
      return `Your insight on “${subject.sectionTitle}” was restored and is visible again.`;
    case "INSIGHT_HIDDEN":
      return `Your insight on “${subject.sectionTitle}” is hidden pending review after reports from several members.`;
    case "INSIGHT_REJECTED":
    case "INSIGHT_REMOVED": {
      const what = subject.kind === "INSIGHT_REJECTED" ? "was not published" : "was removed by a moderator";
      const why = subject.reason ? ` Reason: ${DECISION_REASON_LABELS[subject.reason]}.` : "";
      return withNote(
        `Your insight on “${subject.sectionTitle}” ${what}.${why} You can appeal once.`,
        subject.note,
      );
    }
    case "APPEAL_DECIDED": {
      const outcome =
        subject.outcome === "OVERTURNED"
          ? "was accepted: the decision was reversed"
          : "was reviewed: the decision stands";
      return withNote(
        `Your appeal about your insight on “${subject.sectionTitle}” ${outcome}.`,
        subject.note,
      );
    }
    case "MEMBER_WARNED":
      return `A moderator sent you a warning: ${subject.message}`;
    case "MEMBER_SUSPENDED":
      return `Your account was suspended until ${formatUtc(subject.until)}. Reason: ${subject.message}`;
    case "SANCTION_LIFTED":
      return "A moderator lifted the restriction on your account. Welcome back.";
    case "FOLLOWED_DOMAIN_ARTICLE":
      return `New in ${subject.domainName}: “${subject.articleTitle}”.`;
    case "FOLLOWED_ARTICLE_INSIGHT":
      return subject.actorCount === 1
        ? `A new insight on “${subject.articleTitle}”.`
        : `${subject.actorCount} new insights on “${subject.articleTitle}”.`;
    default: {
      const unknown: never = subject;
      throw new Error(`No wording for notification ${JSON.stringify(unknown)}`);
    }
  }
}
