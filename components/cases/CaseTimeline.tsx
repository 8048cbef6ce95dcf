import type { ComponentProps } from "react";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { Timeline } from "../ui/Timeline";

type TEvent = ComponentProps<typeof Timeline>["events"][number] & { kind: string };

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
      <Timeline
        locale={locale}
        events={events}
        label={(event) => (event.internal ? t("account:internalNote") : t(`account:event.${event.kind}`))}
      />
    </section>
  );
}
