import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { Section } from "@/components/ui/Section";

type TLetterEvent = { id: string; kind: string; createdAt: Date; reason: string | null };

/** A letter's history, oldest first: each step with its time and, where one was given, its reason. */
export function LetterTimeline({
  t,
  locale,
  events,
}: {
  t: TFunction;
  locale: TLocale;
  events: TLetterEvent[];
}) {
  return (
    <Section id="timeline" title={t("letters:timeline")}>
      <ol className="grid gap-2">
        {events.map((event) => (
          <li key={event.id}>
            <span className="font-bold">{t(`letters:event.${event.kind}`)}</span>{" "}
            <span className="text-muted">{formatDateTime(locale, event.createdAt)}</span>
            {event.reason ? <span> — {event.reason}</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
