"use client";

import { Ban, CircleSlash, Clock, MessageSquareWarning, Undo2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { isTrustedByRole, TRUST_LABELS } from "@/lib/domain/trust";
import { UtcDateTime } from "@/components/moderation/standing-time";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { InitialsAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MemberModerationRecord, SanctionView } from "@/lib/data/sanctions/member-record";
import { SANCTION_LABELS } from "@/lib/domain/moderation";
import type { InsightStatus } from "@/lib/generated/prisma/enums";
import { BanDialog, LiftDialog, SuspendDialog, WarnDialog } from "./sanction-dialogs";

const ROLE_LABELS = { MEMBER: "Member", MODERATOR: "Moderator", ADMIN: "Admin" } as const;

const INSIGHT_STATUS = {
  PUBLISHED: { label: "Published", variant: "success" },
  PENDING: { label: "Awaiting review", variant: "warning" },
  HIDDEN: { label: "Hidden after reports", variant: "warning" },
  REJECTED: { label: "Rejected", variant: "destructive" },
  REMOVED: { label: "Removed", variant: "destructive" },
} as const satisfies Record<InsightStatus, { label: string; variant: string }>;

type Dialog = "warn" | "suspend" | "ban" | "lift" | null;

function SanctionState({ sanction }: { sanction: SanctionView }) {
  if (sanction.liftedAt) {
    return (
      <span>
        Lifted <UtcDateTime date={sanction.liftedAt} />
        {sanction.liftedBy ? ` by ${sanction.liftedBy.name}` : ""}
      </span>
    );
  }
  if (sanction.kind === "SUSPENSION" && sanction.endsAt) {
    return (
      <span>
        {sanction.active ? "Until " : "Ended "}
        <UtcDateTime date={sanction.endsAt} />
      </span>
    );
  }
  return null;
}

/** "by Ada Admin · Until 29 Nov 2026" or just "by Ada Admin": the state follows only when there is one. */
function hasState(sanction: SanctionView): boolean {
  return Boolean(sanction.liftedAt) || (sanction.kind === "SUSPENSION" && Boolean(sanction.endsAt));
}

/** A member's moderation record and what staff can do about them; updated from each action's result. */
export function MemberRecord({ initial }: { initial: MemberModerationRecord }) {
  const [record, setRecord] = useState(initial);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [lifting, setLifting] = useState<SanctionView | null>(null);
  const { member, counts, sanctions, insights, permissions } = record;
  const blocked = member.status !== "ACTIVE";
  const openDialog = (next: Dialog) => () => setDialog(next);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  const stats = [
    ["Published", counts.published],
    ["Awaiting review", counts.pending],
    ["Hidden", counts.hidden],
    ["Rejected", counts.rejected],
    ["Removed", counts.removed],
    ["Deleted by them", counts.deleted],
    ["Upheld reports", counts.upheldReports],
  ] as const;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start gap-4">
        <InitialsAvatar name={member.name} size="lg" />
        <div className="min-w-0 flex-1">
          <p className="text-muted-foreground text-sm">Moderation record</p>
          <h1 className="text-3xl font-bold tracking-tight break-words">{member.name}</h1>
          <p className="text-muted-foreground mt-1 text-sm">
            <Link
              href={`/members/${member.handle}`}
              className="text-accent rounded-sm underline underline-offset-4"
            >
              @{member.handle}
            </Link>
            {member.email ? ` · ${member.email}` : ""} · joined <RelativeTime date={member.joinedAt} />
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5" aria-label="Standing">
            <Badge variant="outline">{ROLE_LABELS[member.role]}</Badge>
            {member.status === "ACTIVE" ? (
              <Badge variant="success">Active</Badge>
            ) : (
              <Badge variant="destructive">{member.status === "BANNED" ? "Banned" : "Suspended"}</Badge>
            )}
            <Badge variant={member.trust === "NEW" ? "warning" : "success"}>
              {TRUST_LABELS[member.trust]}
              {isTrustedByRole(member.role)
                ? " (staff)"
                : member.trustOverride
                  ? " (set by an admin)"
                  : " (automatic)"}
            </Badge>
          </div>
        </div>
      </header>

      {blocked ? (
        <Alert variant="destructive" role="status">
          <AlertTitle>
            {member.status === "BANNED" ? (
              "Banned"
            ) : (
              <>
                Suspended until{" "}
                {member.statusUntil ? <UtcDateTime date={member.statusUntil} /> : "further notice"}
              </>
            )}
          </AlertTitle>
          {member.statusReason ? <AlertDescription>Reason: {member.statusReason}</AlertDescription> : null}
        </Alert>
      ) : null}

      <section aria-labelledby="record-counts">
        <h2 id="record-counts" className="sr-only">
          Insights and reports
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {stats.map(([label, value]) => (
            <div key={label} className="bg-muted/50 rounded-md px-3 py-2">
              <dt className="text-muted-foreground text-xs">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Actions</h2>
          </CardTitle>
          <CardDescription>
            {permissions.sanction
              ? "Every action is recorded in the moderation log with your name."
              : "You cannot sanction yourself or a moderator or admin of your rank or above."}
          </CardDescription>
        </CardHeader>
        {permissions.sanction ? (
          <CardContent className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={openDialog("warn")} disabled={member.status === "BANNED"}>
              <MessageSquareWarning aria-hidden="true" /> Warn
            </Button>
            <Button variant="outline" onClick={openDialog("suspend")} disabled={blocked}>
              <Clock aria-hidden="true" /> Suspend
            </Button>
            <Button variant="destructive" onClick={openDialog("ban")} disabled={member.status === "BANNED"}>
              <Ban aria-hidden="true" /> Ban
            </Button>
          </CardContent>
        ) : null}
      </Card>

      <section aria-labelledby="record-sanctions" className="flex flex-col gap-3">
        <h2 id="record-sanctions" className="text-xl font-semibold tracking-tight">
          Sanctions
        </h2>
        {sanctions.length === 0 ? (
          <EmptyState
            icon={<CircleSlash />}
            title="No sanctions"
            description="This member has never been warned, suspended or banned."
          />
        ) : (
          <ul className="flex flex-col gap-2">
            {sanctions.map((sanction) => (
              <li
                key={sanction.id}
                aria-label={`${SANCTION_LABELS[sanction.kind]} ${sanction.active ? "in force" : "ended"}`}
                className="border-border flex flex-wrap items-start gap-3 rounded-md border px-4 py-3 text-sm"
              >
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={sanction.kind === "WARNING" ? "warning" : "destructive"}>
                      {SANCTION_LABELS[sanction.kind]}
                    </Badge>
                    {sanction.active ? <Badge variant="outline">In force</Badge> : null}
                    <span className="text-muted-foreground">
                      <UtcDateTime date={sanction.createdAt} /> by {sanction.issuedBy.name}
                      {hasState(sanction) ? " · " : null}
                      <SanctionState sanction={sanction} />
                    </span>
                  </div>
                  <p className="mt-1.5 break-words whitespace-pre-line">{sanction.reason}</p>
                  {sanction.removedInsightCount > 0 ? (
                    <p className="text-muted-foreground mt-1">
                      Removed {sanction.removedInsightCount}{" "}
                      {sanction.removedInsightCount === 1 ? "insight" : "insights"} with the ban
                      {sanction.liftedAt ? " (restored when it was lifted)" : ""}.
                    </p>
                  ) : null}
                </div>
                {permissions.lift && sanction.active ? (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => {
                      setLifting(sanction);
                      setDialog("lift");
                    }}
                  >
                    <Undo2 aria-hidden="true" /> Lift {SANCTION_LABELS[sanction.kind].toLowerCase()}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="record-insights" className="flex flex-col gap-3">
        <h2 id="record-insights" className="text-xl font-semibold tracking-tight">
          Recent insights
        </h2>
        {insights.length === 0 ? (
          <EmptyState title="No insights yet" description="This member has not posted anything." />
        ) : (
          <ul className="flex flex-col gap-2">
            {insights.map((insight) => (
              <li key={insight.id} className="border-border rounded-md border px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge variant={insight.deleted ? "secondary" : INSIGHT_STATUS[insight.status].variant}>
                    {insight.deleted ? "Deleted by the author" : INSIGHT_STATUS[insight.status].label}
                  </Badge>
                  <Link
                    href={`/articles/${insight.article.slug}#${insight.section.anchor}`}
                    className="text-accent min-w-0 truncate rounded-sm underline underline-offset-4"
                  >
                    {insight.article.title} · {insight.section.title}
                  </Link>
                  <span className="text-muted-foreground">
                    <RelativeTime date={insight.createdAt} />
                  </span>
                </div>
                <p className="text-muted-foreground mt-1.5 line-clamp-3 break-words whitespace-pre-line">
                  {insight.body}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <WarnDialog open={dialog === "warn"} onOpenChange={close} member={member} onDone={setRecord} />
      <SuspendDialog open={dialog === "suspend"} onOpenChange={close} member={member} onDone={setRecord} />
      <BanDialog
        open={dialog === "ban"}
        onOpenChange={close}
        member={member}
        onDone={setRecord}
        liveInsights={counts.published + counts.hidden + counts.pending}
      />
      <LiftDialog
        open={dialog === "lift"}
        onOpenChange={close}
        member={member}
        onDone={setRecord}
        sanction={
          lifting
            ? { id: lifting.id, label: SANCTION_LABELS[lifting.kind], restores: lifting.removedInsightCount }
            : null
        }
      />
    </div>
  );
}
