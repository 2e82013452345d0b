import { Ban, FileText, Flag, FolderTree, Handshake, ScrollText, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isAdmin } from "@/lib/domain/permissions";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  {
    href: "/admin/articles",
    title: "Articles",
    description: "Drafts, publishing and scheduling, sections, imports and what readers said.",
    icon: FileText,
  },
  {
    href: "/admin/domains",
    title: "Domains",
    description: "The categories articles live in: names, order and parents.",
    icon: FolderTree,
  },
  {
    href: "/admin/members",
    title: "Members",
    description: "Find members by name, handle or email; make moderators; set trust by hand.",
    icon: Users,
  },
  {
    href: "/admin/blocked-terms",
    title: "Blocked terms",
    description: "Words and phrases that hold an insight for review.",
    icon: Ban,
  },
  {
    href: "/admin/sponsorship",
    title: "Sponsorship",
    description: "Sponsorship inquiries and the sponsors shown on domains.",
    icon: Handshake,
  },
  {
    href: "/moderation",
    title: "Review queue",
    description: "Held, reported and hidden insights, and appeals.",
    icon: Flag,
  },
  {
    href: "/moderation/log",
    title: "Moderation log",
    description: "Every moderation and admin action: who, what, when and why.",
    icon: ScrollText,
  },
] as const;

export default async function AdminHomePage() {
  await requirePageUser("/admin", isAdmin);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
        <p className="text-muted-foreground mt-1">
          Run Roundtable: content, people, rules and the review queue.
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map(({ href, title, description, icon: Icon }) => (
          <li key={href}>
            <Card className="hover:border-accent/60 focus-within:border-accent/60 relative h-full transition-colors">
              <CardHeader className="pb-5">
                <Icon aria-hidden="true" className="text-accent size-5" />
                <CardTitle asChild>
                  <h2>
                    <Link prefetch={false} href={href} className="rounded-sm after:absolute after:inset-0">
                      {title}
                    </Link>
                  </h2>
                </CardTitle>
                <CardDescription>{description}</CardDescription>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
