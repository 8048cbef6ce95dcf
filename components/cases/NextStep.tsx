import type { TLocale } from "@/lib/i18n/settings";
import { formatDay, isoDay } from "@/lib/i18n/format";

/** What happens next and by when, under a case's or request's timeline. */
export function NextStep({
  locale,
  title,
  text,
  by,
  headingLevel = 3,
}: {
  locale: TLocale;
  title: string;
  /** the sentence, with `{{date}}` where the day goes */
  text: string;
  by: Date | null;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [before, after] = text.split("{{date}}");
  return (
    <section aria-labelledby="next-step" className="border-l-4 border-brand pl-4" data-testid="next-step">
      <Heading id="next-step" className="font-bold">
        {title}
      </Heading>
      <p>
        {before}
        {by && after !== undefined ? (
          <>
            <time dateTime={isoDay(by)} className="font-bold">
              {formatDay(locale, by)}
            </time>
            {after}
          </>
        ) : null}
      </p>
    </section>
  );
}
