import { Search, UserSearch } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { searchMembers } from "@/lib/data/sanctions/member-admin";
import { mayManageMembers } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { memberSearchSchema } from "@/lib/validation/sanctions";
import { MemberTable } from "./_components/member-table";

export const metadata: Metadata = { title: "Members" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function membersHref(q: string, cursor?: string): string {
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }).toString();
  return query ? `/admin/members?${query}` : "/admin/members";
}

export default async function AdminMembersPage({ searchParams }: Props) {
  const params = await searchParams;
  const typed = (first(params.q) ?? "").trim().slice(0, 100);
  const search = memberSearchSchema.parse({ q: first(params.q), cursor: first(params.cursor) });
  const user = await requirePageUser(membersHref(search.q, search.cursor), mayManageMembers);
  const page = await searchMembers(user, search);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Members</h1>
        <p className="text-muted-foreground mt-1">
          Make members moderators, set trust by hand, or open a member&apos;s moderation record.
        </p>
      </div>
      <form role="search" action="/admin/members" method="get" className="flex max-w-xl flex-col gap-1.5">
        <Label htmlFor="member-search">Search by name, handle or email</Label>
        <div className="flex gap-2">
          <Input id="member-search" name="q" type="search" defaultValue={typed} autoComplete="off" />
          <Button type="submit">
            <Search aria-hidden="true" /> Search
          </Button>
        </div>
      </form>
      {page.members.length === 0 ? (
        <EmptyState
          icon={<UserSearch />}
          title={search.q ? "No members match" : "No members yet"}
          description={
            search.q ? "Try part of their name, the start of their handle or their email address." : undefined
          }
        />
      ) : (
        <MemberTable
          key={`${search.q}:${search.cursor ?? ""}`}
          initial={page.members}
          viewer={{ id: user.id, role: user.role }}
          caption={
            search.q
              ? `Members matching “${typed}”${search.cursor ? ", continued" : ""}`
              : `All members${search.cursor ? ", continued" : ""}`
          }
        />
      )}
      {search.cursor || page.nextCursor ? (
        <nav aria-label="Pages of members" className="flex flex-wrap gap-2">
          {search.cursor ? (
            <Link
              prefetch={false}
              href={membersHref(search.q)}
              className={buttonVariants({ variant: "outline" })}
            >
              First page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              prefetch={false}
              href={membersHref(search.q, page.nextCursor)}
              className={buttonVariants({ variant: "outline" })}
            >
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
