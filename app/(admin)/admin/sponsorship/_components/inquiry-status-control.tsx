"use client";

import { useState } from "react";
import { useAction } from "@/components/hooks/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { InquiryStatus } from "@/lib/generated/prisma/enums";
import { INQUIRY_STATUS_LABELS } from "@/lib/validation/sponsorship";
import { setInquiryStatusAction } from "../actions";

const ACTIONS: { status: InquiryStatus; label: string }[] = [
  { status: "CONTACTED", label: "Mark contacted" },
  { status: "ACCEPTED", label: "Accept" },
  { status: "DECLINED", label: "Decline" },
  { status: "NEW", label: "Mark new" },
];

/** The inquiry's status and the buttons that change it; the list is re-read on the next visit. */
export function InquiryStatusControl({
  inquiryId,
  organisation,
  initialStatus,
}: {
  inquiryId: string;
  organisation: string;
  initialStatus: InquiryStatus;
}) {
  const [status, setStatus] = useState(initialStatus);
  /** the status the last button pressed asked for: its button says "Saving…" meanwhile */
  const [asked, setAsked] = useState<InquiryStatus | null>(null);
  const { run, pending } = useAction(setInquiryStatusAction, {
    onSuccess: (data) => {
      setStatus(data.status);
      toast.success(`${organisation}: ${INQUIRY_STATUS_LABELS[data.status].toLowerCase()}.`);
    },
  });

  function change(next: InquiryStatus) {
    setAsked(next);
    void run({ inquiryId, status: next });
  }

  return (
    <div className="border-border flex flex-wrap items-center gap-2 border-t pt-3">
      <p className="mr-auto text-sm" aria-live="polite">
        Status:{" "}
        <Badge variant={status === "NEW" ? "default" : "secondary"}>{INQUIRY_STATUS_LABELS[status]}</Badge>
      </p>
      {ACTIONS.filter((action) => action.status !== status).map((action) => (
        <Button
          key={action.status}
          size="sm"
          variant={action.status === "DECLINED" ? "outline" : "secondary"}
          disabled={pending}
          aria-disabled={pending}
          onClick={() => change(action.status)}
        >
          {pending && asked === action.status ? "Saving…" : action.label}
        </Button>
      ))}
    </div>
  );
}
