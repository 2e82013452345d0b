"use client";

import { signOut } from "next-auth/react";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toaster";
import type { MeResponse } from "@/lib/domain/viewer";

export type Viewer =
  | { status: "loading"; user: null }
  | { status: "signed-out"; user: null }
  | { status: "signed-in"; user: NonNullable<MeResponse["user"]> };

type ViewerContextValue = {
  viewer: Viewer;
  /** the signed-in reader's unread notifications (the bell's number); 0 while loading or signed out */
  unreadNotifications: number;
  /** items awaiting a moderator (the header's Moderation link); null unless the reader is a moderator or admin */
  moderationQueueCount: number | null;
  /** asks /api/me again: after anything that changes who is reading or what is unread */
  refresh: () => Promise<void>;
};

const ViewerContext = createContext<ViewerContextValue>({
  viewer: { status: "loading", user: null },
  unreadNotifications: 0,
  moderationQueueCount: null,
  refresh: async () => {},
});

/**
 * Who is reading, asked of /api/me on every page change. Pages are cached and identical for everyone,
 * so everything personal is filled in here. A session whose account was suspended or banned since it
 * signed in is ended on the spot, with the reason shown.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [viewer, setViewer] = useState<Viewer>({ status: "loading", user: null });
  const [unreadNotifications, setUnreadNotifications] = useState(0);
  const [moderationQueueCount, setModerationQueueCount] = useState<number | null>(null);
  const pathname = usePathname();
  // A page change and a "mark as read" can each ask at once; only the latest answer may be applied, or an
  // earlier, slower one would bring back a count that is already out of date.
  const latestRequest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const me = (await response.json()) as MeResponse;
      if (request !== latestRequest.current) return;
      if (me.blocked) {
        await signOut({ redirect: false });
        toast.error("You have been signed out", { description: me.blocked, duration: 15_000 });
      }
      setViewer(me.user ? { status: "signed-in", user: me.user } : { status: "signed-out", user: null });
      setUnreadNotifications(me.user ? me.unreadNotifications : 0);
      setModerationQueueCount(me.user ? (me.moderationQueueCount ?? null) : null);
    } catch {
      if (request !== latestRequest.current) return;
      setViewer({ status: "signed-out", user: null });
      setUnreadNotifications(0);
      setModerationQueueCount(null);
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh() sets state after a fetch
    void refresh();
  }, [refresh, pathname]);

  return (
    <ViewerContext.Provider value={{ viewer, unreadNotifications, moderationQueueCount, refresh }}>
      {children}
    </ViewerContext.Provider>
  );
}

export function useViewer(): ViewerContextValue {
  return useContext(ViewerContext);
}
