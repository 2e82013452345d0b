"use client";

import { signOut } from "next-auth/react";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { toast } from "@/components/ui/toaster";
import type { MeResponse } from "@/app/api/me/route";

export type Viewer =
  | { status: "loading"; user: null }
  | { status: "signed-out"; user: null }
  | { status: "signed-in"; user: NonNullable<MeResponse["user"]> };

type ViewerContextValue = { viewer: Viewer; refresh: () => Promise<void> };

const ViewerContext = createContext<ViewerContextValue>({
  viewer: { status: "loading", user: null },
  refresh: async () => {},
});

/**
 * Who is reading, asked of /api/me on every page change. Pages are cached and identical for everyone,
 * so everything personal is filled in here. A session whose account was suspended or banned since it
 * signed in is ended on the spot, with the reason shown.
 */
export function ViewerProvider({ children }: { children: React.ReactNode }) {
  const [viewer, setViewer] = useState<Viewer>({ status: "loading", user: null });
  const pathname = usePathname();

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/me", { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const me = (await response.json()) as MeResponse;
      if (me.blocked) {
        await signOut({ redirect: false });
        toast.error("You have been signed out", { description: me.blocked, duration: 15_000 });
      }
      setViewer(me.user ? { status: "signed-in", user: me.user } : { status: "signed-out", user: null });
    } catch {
      setViewer({ status: "signed-out", user: null });
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- refresh() sets state after a fetch
    void refresh();
  }, [refresh, pathname]);

  return <ViewerContext.Provider value={{ viewer, refresh }}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerContextValue {
  return useContext(ViewerContext);
}
