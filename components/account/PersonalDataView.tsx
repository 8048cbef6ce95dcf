import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { formatDateTime } from "@/lib/i18n/format";
import { lt } from "@/lib/i18n/content";
import type { TLocale } from "@/lib/i18n/settings";
import type { TPersonalData } from "@/lib/users/personalData";
import { Section } from "../ui/Section";

const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
type TRecord = Record<string, unknown>;
/** A service, department or community: shown by its name in the reader's language. */
const isNamed = (value: TRecord): value is { name: string; nameEn?: string } =>
  typeof value.name === "string" && "nameEn" in value;

/** A field label from privacy:field, or the key itself for a form's own answer names. */
function labelOf(t: TFunction, key: string, answers: boolean): string {
  return answers ? key : t(`privacy:field.${key}`, { defaultValue: key });
}

function Value({
  value,
  t,
  locale,
  answers,
}: {
  value: unknown;
  t: TFunction;
  locale: TLocale;
  answers?: boolean;
}) {
  if (value === null || value === undefined || value === "") return <>{t("privacy:account.none")}</>;
  if (typeof value === "string")
    return <>{isoMoment.test(value) ? formatDateTime(locale, new Date(value)) : value}</>;
  if (typeof value !== "object") return <>{String(value)}</>;
  if (Array.isArray(value)) {
    if (!value.length) return <>{t("privacy:account.none")}</>;
    return (
      <ul className="grid gap-2">
        {value.map((item, index) => (
          <li key={index} className="border-l-2 border-line pl-2">
            <Value value={item} t={t} locale={locale} answers={answers} />
          </li>
        ))}
      </ul>
    );
  }
  const record = value as TRecord;
  if (isNamed(record)) return <>{lt(locale, record.name, record.nameEn ?? undefined)}</>;
  return <Fields record={record} t={t} locale={locale} answers={answers} />;
}

function Fields({
  record,
  t,
  locale,
  answers = false,
}: {
  record: TRecord;
  t: TFunction;
  locale: TLocale;
  answers?: boolean;
}) {
  return (
    <dl className="grid gap-x-4 gap-y-1 md:grid-cols-[12rem_1fr]">
      {Object.entries(record).map(([key, value]): ReactNode => (
        <div key={key} className="contents">
          <dt className="font-bold">{labelOf(t, key, answers)}</dt>
          <dd className="break-words whitespace-pre-wrap">
            <Value value={value} t={t} locale={locale} answers={key === "answers" || key === "data"} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const listSections = [
  "cases",
  "requests",
  "subscriptions",
  "apiTokens",
  "sessions",
  "drafts",
  "notifications",
  "mails",
  "letters",
  "consultationComments",
] as const;

/** Everything the portal holds about a person, as a page to read or print: one section a kind. */
export function PersonalDataView({
  data,
  t,
  locale,
}: {
  data: TPersonalData;
  t: TFunction;
  locale: TLocale;
}) {
  return (
    <>
      <Section id="data-profile" title={t("privacy:section.profile")}>
        <Fields record={{ ...data.profile, exportedAt: data.exportedAt }} t={t} locale={locale} />
      </Section>
      {listSections.map((name) => {
        const items = data[name] as TRecord[];
        return (
          <Section key={name} id={`data-${name}`} title={`${t(`privacy:section.${name}`)} (${items.length})`}>
            {items.length === 0 ? (
              <p>{t("privacy:account.none")}</p>
            ) : (
              <ol className="grid gap-4">
                {items.map((item, index) => (
                  <li key={index} className="border border-line p-3 print:break-inside-avoid">
                    <Fields
                      record={
                        name === "mails" && item.text === null
                          ? { ...item, text: t("privacy:account.mailPurged") }
                          : item
                      }
                      t={t}
                      locale={locale}
                    />
                  </li>
                ))}
              </ol>
            )}
          </Section>
        );
      })}
    </>
  );
}
