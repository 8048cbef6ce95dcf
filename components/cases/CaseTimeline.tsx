import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { LocalText } from "../ui/LocalText";

type TEvent = {
  id: string;
  kind: string;
  toStatus: string | null;
  reason: string | null;
  data: unknown;
  createdAt: Date;
  internal?: boolean;
  actorName?: string | null;
};

/** The case's timeline: each step with its date, reason and (for 补正) the full list of what is missing. */
export function CaseTimeline({
  locale,
  t,
  events,
  headingLevel = 2,
}: {
  locale: TLocale;
  t: TFunction;
  events: TEvent[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="timeline">
      <Heading id="timeline" className="mb-2 text-xl font-bold">
        {t("account:timeline")}
      </Heading>
      <ol className="ml-2 grid gap-4 border-l-4 border-line">
        {events.map((event) => {
          const missing = (event.data as { missing?: string[] } | null)?.missing;
          return (
            <li key={event.id} className={`pl-4 ${event.internal ? "bg-panel" : ""}`}>
              <p className="font-bold">
                {event.internal ? t("account:internalNote") : t(`account:event.${event.kind}`)}
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
    </section>
  );
}
