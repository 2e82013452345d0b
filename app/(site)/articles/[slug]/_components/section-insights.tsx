"use client";

import { useState } from "react";
import { InsightCard } from "@/components/insights/insight-card";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { InsightView } from "@/lib/data/content";
import type { InsightOrder } from "@/lib/domain/ranking";
import { cn } from "@/lib/utils";

const PAGE_SIZE = 10;

type Props = {
  articleId: string;
  sectionId: string;
  sectionTitle: string;
  initial: InsightView[];
  total: number;
};

/** A section's insights: the top ones come with the cached page; more, or another order, load here. */
export function SectionInsights({ articleId, sectionId, sectionTitle, initial, total }: Props) {
  const [order, setOrder] = useState<InsightOrder>("top");
  const [items, setItems] = useState(initial);
  const [loading, setLoading] = useState(false);
  // A refreshed page (after an edit, a post or a delete) brings new insights: start over from them.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setItems(initial);
    setOrder("top");
  }

  async function load(nextOrder: InsightOrder, offset: number, limit: number) {
    setLoading(true);
    try {
      const params = new URLSearchParams({ order: nextOrder, offset: String(offset), limit: String(limit) });
      const response = await fetch(
        `/api/articles/${encodeURIComponent(articleId)}/sections/${encodeURIComponent(sectionId)}/insights?${params}`,
      );
      if (!response.ok) throw new Error(String(response.status));
      const page = (await response.json()) as { insights: InsightView[] };
      setItems((current) => {
        const base = offset === 0 ? [] : current;
        const seen = new Set(base.map((insight) => insight.id));
        return [...base, ...page.insights.filter((insight) => !seen.has(insight.id))];
      });
      setOrder(nextOrder);
    } catch {
      toast.error("We could not load more insights. Try again.");
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {total > 1 ? (
        <div role="group" aria-label={`Order insights on “${sectionTitle}”`} className="flex gap-1 text-sm">
          {(["top", "newest"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={order === option}
              disabled={loading}
              onClick={() => void load(option, 0, Math.max(items.length, initial.length))}
              className={cn(
                "rounded-full px-3 py-1",
                order === option
                  ? "bg-muted text-foreground font-medium"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {option === "top" ? "Top" : "Newest"}
            </button>
          ))}
        </div>
      ) : null}
      <ul className="flex flex-col gap-3" aria-busy={loading}>
        {items.map((insight) => (
          <li key={insight.id}>
            <InsightCard insight={insight} />
          </li>
        ))}
      </ul>
      {items.length < total ? (
        <div>
          <Button
            variant="ghost"
            size="sm"
            disabled={loading}
            onClick={() => void load(order, items.length, PAGE_SIZE)}
          >
            {loading ? "Loading…" : `Show more insights (${total - items.length} more)`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
