import type { ReactNode } from "react";

/** Where a mail or text message stands: sent, failed for good, to be tried again, waiting, or kept (nothing to send it through). */
export type TDeliveryState = "sent" | "failed" | "retrying" | "queued" | "kept";

export function deliveryState(
  entry: { sentAt: Date | null; failedAt: Date | null; error: string | null },
  /** a server to send through is set up */
  configured: boolean,
): TDeliveryState {
  if (entry.sentAt) return "sent";
  if (entry.failedAt) return "failed";
  if (entry.error) return "retrying";
  return configured ? "queued" : "kept";
}

/** One of the outbox's lists: what it holds, a line when it is empty, then each entry in a bordered block. */
export function OutboxList<E extends { id: string }>({
  intro,
  empty,
  entries,
  className = "grid gap-2",
  entryData,
  children,
}: {
  intro: string;
  empty: string;
  entries: E[];
  /** the list's spacing: wider where the entries are long (the mails' texts) */
  className?: string;
  /** data attributes an entry carries (a text message its number) */
  entryData?: (entry: E) => Record<`data-${string}`, string>;
  children: (entry: E) => ReactNode;
}) {
  return (
    <>
      <p>{intro}</p>
      {entries.length === 0 ? <p>{empty}</p> : null}
      <ol className={className}>
        {entries.map((entry) => (
          <li key={entry.id} className="grid gap-1 border border-line p-4" {...entryData?.(entry)}>
            {children(entry)}
          </li>
        ))}
      </ol>
    </>
  );
}
