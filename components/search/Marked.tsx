import type { TSegment } from "@/lib/search/highlight";

/** Text with its matches in <mark>: React elements from plain strings, so nothing is ever parsed as HTML. */
export function Marked({ segments }: { segments: TSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="bg-yellow-200 px-0.5 text-ink">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
