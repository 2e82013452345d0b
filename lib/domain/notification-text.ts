// What a notification says. Pure wording, shared by the data layer (which builds the list) and its tests;
// a new NotificationKind adds its case here and the exhaustive switch makes sure it is not forgotten.
import type { BadgeTier, NotificationKind, ReactionKind } from "@/lib/generated/prisma/enums";

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
    };

/** What the reacting members did, after "3 people …": past tense, so one form serves one and many. */
export const REACTION_PHRASES: Record<ReactionKind, string> = {
  LIKE: "liked your insight",
  INSIGHTFUL: "found your insight insightful",
  HELPFUL: "found your insight helpful",
  CELEBRATE: "celebrated your insight",
  UNHELPFUL: "marked your insight unhelpful",
};

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
    default: {
      const unknown: never = subject;
      throw new Error(`No wording for notification ${JSON.stringify(unknown)}`);
    }
  }
}
