import type { ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { LocalText } from "./LocalText";

type TTimelineEvent = {
  id: string;
  reason: string | null;
  data: unknown;
  createdAt: Date;
  /** a note for staff only, set apart from what the applicant also sees */
  internal?: boolean;
  actorName?: string | null;
};

/**
 * A case's or request's history, oldest first: each step named by `label`, with its date, who
 * took it (when shown), its reason, and the full list of what is missing when materials were asked for.
 */
export function Timeline<E extends TTimelineEvent>({
  locale,
  events,
  label,
}: {
  locale: TLocale;
  events: E[];
  label: (event: E) => ReactNode;
}) {
  return (
    <ol className="ml-2 grid gap-4 border-l-4 border-line">
      {events.map((event) => {
        const missing = (event.data as { missing?: string[] } | null)?.missing;
        return (
          <li key={event.id} className={`pl-4 ${event.internal ? "bg-panel" : ""}`}>
            <p className="font-bold">
              {label(event)}
              <span className="font-normal text-muted">
                {" "}
                · {formatDate(locale, event.createdAt)}
                {event.actorName ? ` · ${event.actorName}` : ""}
              </span>
            </p>
            {event.reason ? (
              <p>
                <LocalText locale={locale} zh={event.reason} />
              </p>
            ) : null}
            {missing?.length ? (
              <ul className="ml-6 list-disc">
                {missing.map((item, index) => (
                  <li key={index}>
                    <LocalText locale={locale} zh={item} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
