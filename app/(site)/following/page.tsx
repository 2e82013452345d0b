import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listMyFollows } from "@/lib/data/follows";
import { getCurrentUser } from "@/lib/session";
import { FollowedList } from "./_components/followed-list";

export const metadata: Metadata = { title: "Following", robots: { index: false } };

// Personal and always current: rendered for each request, never cached.
export const dynamic = "force-dynamic";

export default async function FollowingPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Ffollowing");
  const [domains, articles] = await Promise.all([
    listMyFollows(user, { kind: "domain" }),
    listMyFollows(user, { kind: "article" }),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Following</h1>
        <p className="text-muted-foreground">
          You are notified when a new article is published in a domain you follow (or in one inside it), and
          when new insights are added to an article you follow.
        </p>
      </header>
      <FollowedList kind="domain" initialPage={domains} />
      <FollowedList kind="article" initialPage={articles} />
    </div>
  );
}
