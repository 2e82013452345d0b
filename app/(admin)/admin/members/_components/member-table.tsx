"use client";

import { Check, ChevronDown, ShieldCheck, ShieldOff } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { UtcDateTime } from "@/components/moderation/standing-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import type { MemberRow } from "@/lib/data/sanctions/shared";
import { mayChangeRole, mayOverrideTrust, type Actor } from "@/lib/domain/permissions";
import { isTrustedByRole, TRUST_LABELS } from "@/lib/domain/trust";
import type { TrustLevel } from "@/lib/generated/prisma/enums";
import { setMemberRoleAction, setMemberTrustAction } from "../actions";

const ROLE_LABELS = { MEMBER: "Member", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

const TRUST_CHOICES: { value: TrustLevel | null; label: string }[] = [
  { value: null, label: "Automatic (from their history)" },
  { value: "TRUSTED", label: "Trusted" },
  { value: "NEW", label: "New" },
];

function StatusCell({ member }: { member: MemberRow }) {
  if (member.status === "BANNED") return <Badge variant="destructive">Banned</Badge>;
  if (member.status === "SUSPENDED") {
    return (
      <span className="flex flex-col gap-0.5">
        <Badge variant="destructive">Suspended</Badge>
        {member.statusUntil ? (
          <span className="text-muted-foreground text-xs">
            until <UtcDateTime date={member.statusUntil} />
          </span>
        ) : null}
      </span>
    );
  }
  return <Badge variant="success">Active</Badge>;
}

/** The members found, with role and trust controls; each row updates from its action's answer. */
export function MemberTable({
  initial,
  viewer,
  caption,
}: {
  initial: MemberRow[];
  viewer: Actor;
  caption: string;
}) {
  const [members, setMembers] = useState(initial);
  const replace = (changed: MemberRow) =>
    setMembers((rows) => rows.map((row) => (row.id === changed.id ? changed : row)));

  return (
    <div className="border-border overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/50 text-muted-foreground text-xs">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Member
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Trust
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberTableRow key={member.id} member={member} viewer={viewer} onChanged={replace} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One member's row; its buttons are busy while their own action runs. */
function MemberTableRow({
  member,
  viewer,
  onChanged,
}: {
  member: MemberRow;
  viewer: Actor;
  onChanged: (row: MemberRow) => void;
}) {
  const role = useAction(setMemberRoleAction, {
    onSuccess: (row) => {
      onChanged(row);
      toast.success(
        row.role === "MODERATOR" ? `${row.name} is now a moderator` : `${row.name} is no longer a moderator`,
      );
    },
  });
  const trust = useAction(setMemberTrustAction, {
    onSuccess: (row) => {
      onChanged(row);
      toast.success(
        row.trustOverride
          ? `${row.name} is marked ${TRUST_LABELS[row.trustOverride].toLowerCase()}`
          : `${row.name}'s trust is automatic again`,
      );
    },
  });
  const staff = isTrustedByRole(member.role);
  const roleChangeable = mayChangeRole(viewer, member);
  const trustSettable = mayOverrideTrust(viewer, member);
  const pending = role.pending || trust.pending;
  return (
    <tr className="border-border border-t align-top">
      <th scope="row" className="px-4 py-3 font-normal">
        <Link
          prefetch={false}
          href={`/moderation/members/${member.handle}`}
          className="rounded-sm font-medium underline-offset-4 hover:underline"
        >
          {member.name}
        </Link>
        <span className="text-muted-foreground block text-xs">
          @{member.handle} · {member.email}
        </span>
      </th>
      <td className="px-4 py-3">
        <Badge variant={staff ? "default" : "outline"}>{ROLE_LABELS[member.role]}</Badge>
      </td>
      <td className="px-4 py-3">
        <StatusCell member={member} />
      </td>
      <td className="px-4 py-3">
        <span className="flex flex-col gap-0.5">
          <Badge variant={member.trust === "NEW" ? "warning" : "success"}>{TRUST_LABELS[member.trust]}</Badge>
          <span className="text-muted-foreground text-xs">
            {staff ? "staff" : member.trustOverride ? "set by an admin" : "automatic"}
          </span>
        </span>
      </td>
      <td className="px-4 py-3">
        <div className="flex justify-end gap-2">
          {roleChangeable && member.role === "MEMBER" ? (
            <Button
              variant="outline"
              size="sm"
              disabled={pending}
              aria-label={`Make ${member.name} a moderator`}
              onClick={() => void role.run({ userId: member.id, role: "MODERATOR" })}
            >
              <ShieldCheck aria-hidden="true" /> Make moderator
            </Button>
          ) : roleChangeable && member.role === "MODERATOR" ? (
            <Button
              variant="outline"
              size="sm"
              disabled={pending}
              aria-label={`Remove ${member.name}'s moderator role`}
              onClick={() => void role.run({ userId: member.id, role: "MEMBER" })}
            >
              <ShieldOff aria-hidden="true" /> Remove moderator
            </Button>
          ) : null}
          {trustSettable ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={pending}
                  aria-label={`Set trust for ${member.name}`}
                >
                  Trust <ChevronDown aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuLabel>Trust for {member.name}</DropdownMenuLabel>
                {TRUST_CHOICES.map((choice) => {
                  const chosen = member.trustOverride === choice.value;
                  return (
                    <DropdownMenuItem
                      key={choice.label}
                      aria-current={chosen ? "true" : undefined}
                      onSelect={() => {
                        if (!chosen) void trust.run({ userId: member.id, trust: choice.value });
                      }}
                    >
                      <Check aria-hidden="true" className={chosen ? "" : "invisible"} />
                      {choice.label}
                    </DropdownMenuItem>
                  );
                })}
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
