// What `/api/viewer` answers about the signed-in reader. Types only: the route handler builds the body on
// the server and client components read it, so neither side imports the other.
import type { MenuBadge } from "@/lib/data/badge-views";
import type { OwnInsight } from "@/lib/data/insights";
import type { OwnModerationNote } from "@/lib/data/moderation/appeals";
import type { ContributorProgress } from "@/lib/domain/badges";
import type { ViewerPermissions } from "@/lib/domain/permissions";
import type { ReactionKindName } from "@/lib/domain/ranking";

/** Who is reading any page, for the header. */
export type ViewerUser = {
  name: string;
  handle: string;
  /** shown beside the handle in the account menu; what the reader may open is in `permissions` */
  role: "MEMBER" | "MODERATOR" | "ADMIN";
  /** which staff links the header and menus show (lib/domain/permissions.ts); the server checks each on use */
  permissions: ViewerPermissions;
  /** the badges the member holds now, highest tier of each family only, for the account menu */
  badges: MenuBadge[];
};

/** The reader's own part of a cached article page. */
export type ArticleViewerState = {
  /** the article asked about, so a page never takes another page's answer for its own */
  id: string;
  insights: OwnInsight[];
  /** insight id → the reader's reaction */
  reactions: Record<string, ReactionKindName>;
  feedback: { liked: boolean; reason: string | null } | null;
  /** the reader's way to the next Contributor tier */
  progress: ContributorProgress | null;
  /** own insight id → a moderator's decision on it and the appeal, for the author's eyes only */
  moderation: Record<string, OwnModerationNote>;
  /** insights on the article the reader has already reported */
  reportedInsightIds: string[];
  /** whether the reader follows the article (new insights on it are notified) */
  following: boolean;
};

/** The reader's own part of a cached domain page. */
export type DomainViewerState = {
  id: string;
  /** whether the reader follows the domain (new articles in it and its child domains are notified) */
  following: boolean;
};

/**
 * `/api/viewer[?article=<id>][&domain=<id>]`: everything personal about one page view, in one answer. The
 * article and domain parts are null when not asked for or when nobody is signed in.
 */
export type ViewerResponse = {
  user: ViewerUser | null;
  /** set when a session exists but its account may no longer act: the client signs out and says why */
  blocked: string | null;
  /** the number on the header's bell; 0 when signed out */
  unreadNotifications: number;
  /** items awaiting a moderator, for the header's Moderation link; null for everyone but moderators and admins */
  moderationQueueCount: number | null;
  article: ArticleViewerState | null;
  domain: DomainViewerState | null;
};

/** What a page asks `/api/viewer` about besides the reader: the article or domain it shows. */
export type ViewerSubject = { article?: string; domain?: string };
