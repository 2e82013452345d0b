import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listOwnStanding } from "@/lib/data/sanctions/member-record";
import type { SessionUser } from "@/lib/session";
import { UtcDateTime } from "./standing-time";

/**
 * Settings' "Account standing": the warnings and suspensions moderators gave the member in the past year
 * and not withdrawn. (A member suspended or banned right now cannot sign in; they are told why there.)
 */
export async function AccountStanding({ user }: { user: SessionUser }) {
  const items = await listOwnStanding(user);
  return (
    <section id="standing" aria-labelledby="standing-title" className="scroll-mt-20">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="standing-title" className="text-lg font-semibold">
              Account standing
            </h2>
          </CardTitle>
          <CardDescription>Warnings and suspensions from moderators in the past year.</CardDescription>
        </CardHeader>
        <CardContent>
          {items.length === 0 ? (
            <p className="text-muted-foreground flex items-center gap-2 text-sm">
              <ShieldCheck aria-hidden="true" className="text-success size-4 shrink-0" />
              Your account is in good standing.
            </p>
          ) : (
            <ul className="flex flex-col gap-3">
              {items.map((item) => (
                <li key={item.id} className="border-border rounded-md border px-3 py-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={item.kind === "WARNING" ? "warning" : "destructive"}>
                      {item.kind === "WARNING" ? "Warning" : "Suspension"}
                    </Badge>
                    <span className="text-muted-foreground">
                      <UtcDateTime date={item.createdAt} />
                      {item.kind === "SUSPENSION" && item.endsAt ? (
                        <>
                          {item.active ? " · until " : " · ended "}
                          <UtcDateTime date={item.endsAt} />
                        </>
                      ) : null}
                    </span>
                  </div>
                  <p className="mt-1.5 break-words whitespace-pre-line">{item.reason}</p>
                </li>
              ))}
            </ul>
          )}
          <p className="text-muted-foreground mt-4 text-sm">
            Questions about a decision? Read the{" "}
            <Link href="/contribute" className="text-accent rounded-sm underline underline-offset-4">
              contribution guide
            </Link>
            .
          </p>
        </CardContent>
      </Card>
    </section>
  );
}
