import type { HighlightSegment } from "@/lib/domain/search";

/**
 * Text with its search matches in <mark>. The segments are plain text (see lib/domain/search.ts), so React
 * escapes all of it: stored text is never turned into markup.
 */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return segments.map((segment, index) =>
    segment.highlighted ? (
      <mark key={index} className="bg-accent/20 text-foreground rounded-sm px-0.5 font-semibold">
        {segment.text}
      </mark>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}
