// What the `/me` endpoints answer about the signed-in reader. Types only: the route handlers build these
// bodies on the server and client components read them, so neither side imports the other.
import type { MenuBadge } from "@/lib/data/badge-views";
import type { OwnInsight } from "@/lib/data/insights";
import type { OwnModerationNote } from "@/lib/data/moderation/appeals";
import type { ContributorProgress } from "@/lib/domain/badges";
import type { ViewerPermissions } from "@/lib/domain/permissions";
import type { ReactionKindName } from "@/lib/domain/ranking";

/** `/api/me`: who is reading any page, for the header. */
export type MeResponse = {
  user: {
    name: string;
    handle: string;
    /** shown beside the handle in the account menu; what the reader may open is in `permissions` */
    role: "MEMBER" | "MODERATOR" | "ADMIN";
    /** which staff links the header and menus show (lib/domain/permissions.ts); the server checks each on use */
    permissions: ViewerPermissions;
    /** the badges the member holds now, highest tier of each family only, for the account menu */
    badges: MenuBadge[];
  } | null;
  /** set when a session exists but its account may no longer act: the client signs out and says why */
  blocked: string | null;
  /** the number on the header's bell; 0 when signed out */
  unreadNotifications: number;
  /** items awaiting a moderator, for the header's Moderation link; null for everyone but moderators and admins */
  moderationQueueCount: number | null;
};

/** `/api/articles/[id]/me`: the reader's own part of a cached article page. */
export type ArticleViewerResponse = {
  signedIn: boolean;
  insights: OwnInsight[];
  /** insight id → the reader's reaction */
  reactions: Record<string, ReactionKindName>;
  feedback: { liked: boolean; reason: string | null } | null;
  /** the reader's way to the next Contributor tier */
  progress: ContributorProgress | null;
  /** own insight id → a moderator's decision on it and the appeal, for the author's eyes only */
  moderation: Record<string, OwnModerationNote>;
  /** insights on the page the reader has already reported */
  reportedInsightIds: string[];
  /** whether the reader follows the article (new insights on it are notified) */
  following: boolean;
};

/** `/api/domains/[id]/me`: the reader's own part of a cached domain page. */
export type DomainViewerResponse = {
  signedIn: boolean;
  /** whether the reader follows the domain (new articles in it and its child domains are notified) */
  following: boolean;
};
