"use client";

import { signOut } from "next-auth/react";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "@/components/ui/toaster";
import type {
  ArticleViewerState,
  DomainViewerState,
  ViewerResponse,
  ViewerSubject,
  ViewerUser,
} from "@/lib/domain/viewer";

export type Viewer =
  | { status: "loading"; user: null }
  | { status: "signed-out"; user: null }
  | { status: "signed-in"; user: ViewerUser };

type ViewerState = {
  viewer: Viewer;
  /** the signed-in reader's unread notifications (the bell's number); 0 while loading or signed out */
  unreadNotifications: number;
  /** items awaiting a moderator (the header's Moderation link); null unless the reader is a moderator or admin */
  moderationQueueCount: number | null;
  /** the reader's own part of the article the page shows (see useViewerSubject); check its id */
  article: ArticleViewerState | null;
  /** the reader's own part of the domain the page shows; check its id */
  domain: DomainViewerState | null;
};

type ViewerContextValue = ViewerState & {
  /** asks /api/viewer again: after anything that changes who is reading, what is unread or what is theirs */
  refresh: () => Promise<void>;
  /** adds what a page shows to the page's one personal request; returns how to take it away */
  register: (subject: ViewerSubject) => () => void;
};

const SIGNED_OUT: Omit<ViewerState, "viewer"> = {
  unreadNotifications: 0,
  moderationQueueCount: null,
  article: null,
  domain: null,
};

const ViewerContext = createContext<ViewerContextValue>({
  viewer: { status: "loading", user: null },
  ...SIGNED_OUT,
  refresh: async () => {},
  register: () => () => {},
});

function subjectQuery(subjects: Iterable<ViewerSubject>): string {
  const merged: ViewerSubject = {};
  for (const subject of subjects) Object.assign(merged, subject);
  const query = new URLSearchParams();
  if (merged.article) query.set("article", merged.article);
  if (merged.domain) query.set("domain", merged.domain);
  return query.size > 0 ? `?${query.toString()}` : "";
}

/**
 * Everything personal on a page, asked of /api/viewer once per page view. Pages are cached and identical
 * for everyone, so who is reading (the header), and the reader's own part of the article or domain on the
 * page, are filled in here. A session whose account was suspended or banned since it signed in is ended on
 * the spot, with the reason shown.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<ViewerState>({
    viewer: { status: "loading", user: null },
    ...SIGNED_OUT,
  });
  const pathname = usePathname();
  // A page change and a "mark as read" can each ask at once; only the latest answer may be applied, or an
  // earlier, slower one would bring back a count that is already out of date.
  const latestRequest = useRef(0);
  const subjects = useRef(new Map<symbol, ViewerSubject>());
  /** the query of the latest request sent, to tell whether a page registering later needs another */
  const sentQuery = useRef<string | null>(null);
  /** the request every caller in this tick shares (see refresh) */
  const scheduled = useRef<Promise<void> | null>(null);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    const query = subjectQuery(subjects.current.values());
    sentQuery.current = query;
    try {
      const response = await fetch(`/api/viewer${query}`, { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const answer = (await response.json()) as ViewerResponse;
      if (request !== latestRequest.current) return;
      if (answer.blocked) {
        await signOut({ redirect: false });
        toast.error("You have been signed out", { description: answer.blocked, duration: 15_000 });
      }
      setState(
        answer.user
          ? {
              viewer: { status: "signed-in", user: answer.user },
              unreadNotifications: answer.unreadNotifications,
              moderationQueueCount: answer.moderationQueueCount,
              article: answer.article,
              domain: answer.domain,
            }
          : { viewer: { status: "signed-out", user: null }, ...SIGNED_OUT },
      );
    } catch {
      if (request !== latestRequest.current) return;
      setState({ viewer: { status: "signed-out", user: null }, ...SIGNED_OUT });
    }
  }, []);

  // A page change, the page's registrations and a component's refresh in the same tick (React runs a page's
  // effects before this provider's) make one request, sent after all of them, with everything they asked.
  const refresh = useCallback(() => {
    scheduled.current ??= new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => {
      scheduled.current = null;
      return load();
    });
    return scheduled.current;
  }, [load]);

  const register = useCallback(
    (subject: ViewerSubject) => {
      const key = Symbol();
      subjects.current.set(key, subject);
      // Normally the page registers before its page change's request goes out; one that mounts later (a
      // streamed part) asks again rather than go without its answer.
      if (sentQuery.current !== null && sentQuery.current !== subjectQuery(subjects.current.values())) {
        void refresh();
      }
      return () => {
        subjects.current.delete(key);
      };
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh, pathname]);

  const value = useMemo(() => ({ ...state, refresh, register }), [state, refresh, register]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerContextValue {
  return useContext(ViewerContext);
}

/**
 * Puts what the page shows (its article, its domain) into the page's one personal request, so the answer
 * carries the reader's part of it. Null asks for nothing.
 */
export function useViewerSubject(subject: ViewerSubject | null): void {
  const { register } = useContext(ViewerContext);
  const article = subject?.article;
  const domain = subject?.domain;
  useEffect(() => {
    if (!article && !domain) return;
    return register({ ...(article ? { article } : {}), ...(domain ? { domain } : {}) });
  }, [register, article, domain]);
}
