import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getMemberModerationRecord } from "@/lib/data/sanctions/member-record";
import { isStaff, mayManageMembers } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";
import { MemberRecord } from "./_components/member-record";

export const metadata: Metadata = { title: "Member record" };

type Props = { params: Promise<{ handle: string }> };

const HANDLE = /^[a-z0-9-]{1,30}$/;

export default async function MemberRecordPage({ params }: Props) {
  // Handles are lower-case letters, digits and hyphens: anything else cannot be a member.
  const handle = (await params).handle.toLowerCase();
  const user = await requirePageUser(`/moderation/members/${encodeURIComponent(handle)}`, isStaff);
  const record = HANDLE.test(handle) ? await getMemberModerationRecord(user, handle) : null;
  if (!record) notFound();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <Breadcrumbs
        items={[
          mayManageMembers(user)
            ? { label: "Members", href: "/admin/members", prefetch: false }
            : { label: "Review queue", href: "/moderation", prefetch: false },
          { label: record.member.name },
        ]}
      />
      <MemberRecord initial={record} />
    </div>
  );
}
