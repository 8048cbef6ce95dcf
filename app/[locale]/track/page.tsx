import { pageMetadata, pageT } from "@/lib/i18n/server";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { ZTrack } from "@/lib/cases/schema";
import { trackCase } from "@/lib/cases/trackCase";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { CaseTimeline } from "@/components/cases/CaseTimeline";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { trackRequest } from "@/lib/disclosure/requestQueries";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";
import { withQuery } from "@/lib/i18n/paths";
import { Field, inputClass } from "@/components/ui/Field";
import { LocalText } from "@/components/ui/LocalText";
import { Button } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { DefinitionList } from "@/components/ui/DefinitionList";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("account", "account:trackTitle");

/** 办件查询: a GET form, so it works without JavaScript and the result can be bookmarked. */
export default async function TrackPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([
    pageT(params, ["account", "errors", "disclosure"]),
    searchParams,
  ]);
  const values = {
    trackingNumber: param(query.trackingNumber, 40) ?? "",
    accessCode: param(query.accessCode, 20) ?? "",
  };
  const submitted = query.trackingNumber !== undefined || query.accessCode !== undefined;
  const parsed = submitted ? ZTrack.safeParse(values) : null;
  const fieldErrors: Record<string, string> = {};
  if (parsed && !parsed.success)
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  const isRequest = parsed?.success && parsed.data.trackingNumber.startsWith("GK");
  let found: Awaited<ReturnType<typeof trackCase>> = null;
  let request: Awaited<ReturnType<typeof trackRequest>> = null;
  let waitMinutes: number | null = null;
  try {
    if (parsed?.success) {
      if (isRequest) request = await trackRequest(parsed.data);
      else found = await trackCase(parsed.data);
    }
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    waitMinutes = minutesToWait(error);
  }
  const errors = Object.entries(fieldErrors).map(([field, key]) => ({ field, message: t(`errors:${key}`) }));
  if (waitMinutes !== null)
    errors.push({ field: "form", message: t("errors:tooManyAttempts", { limit: waitMinutes }) });

  return (
    <div className="grid gap-6">
      <PageHeading title={t("account:trackTitle")} intro={t("account:trackIntro")} />
      <form method="get" className="grid max-w-lg gap-4" noValidate>
        <ErrorSummary title={t("errors:summaryTitle")} errors={errors} />
        {(["trackingNumber", "accessCode"] as const).map((name) => (
          <Field
            key={name}
            id={`field-${name}`}
            label={t(`account:${name}`)}
            hint={t(`account:${name}Hint`)}
            error={fieldErrors[name] ? t(`errors:${fieldErrors[name]}`) : undefined}
          >
            <input
              id={`field-${name}`}
              name={name}
              defaultValue={values[name]}
              className={inputClass}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={fieldErrors[name] ? true : undefined}
              aria-describedby={`field-${name}-hint${fieldErrors[name] ? ` field-${name}-error` : ""}`}
            />
          </Field>
        ))}
        <Button className="justify-self-start">{t("account:trackSubmit")}</Button>
      </form>
      {request && parsed?.success ? (
        <RequestStatus
          locale={locale}
          t={t}
          request={request}
          letterHref={withQuery(`/${locale}/disclosure/request/letter.pdf`, {
            number: parsed.data.trackingNumber,
            code: parsed.data.accessCode,
          })}
        />
      ) : null}
      {parsed?.success && waitMinutes === null && !found && !request ? (
        <StatusNote>{t("account:trackNotFound")}</StatusNote>
      ) : null}
      {found ? (
        <section aria-labelledby="result">
          <h2 id="result" className="mb-2 text-xl font-bold">
            <LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />
          </h2>
          <DefinitionList
            items={[
              [t("account:trackingNumber"), found.trackingNumber],
              [t("account:status"), t(`account:caseStatus.${found.status}`)],
              [t("account:submitted"), formatDate(locale, found.submittedAt)],
              [t("account:due"), formatDay(locale, found.promisedDue)],
            ]}
          />
          <CaseTimeline locale={locale} t={t} events={found.events} headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}
