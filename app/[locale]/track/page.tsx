import { pageMetadata, pageT } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { messageForCode } from "@/lib/shared/errorCode";
import { ZTrack } from "@/lib/cases/schema";
import { trackCase } from "@/lib/cases/trackCase";
import { caseNextStep } from "@/lib/cases/nextStep";
import { keptTrackingLookup, lookupParam } from "@/lib/http/trackingLookup";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { CaseTimeline } from "@/components/cases/CaseTimeline";
import { NextStep } from "@/components/cases/NextStep";
import { caseDueText } from "@/components/cases/caseDueText";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { trackRequest } from "@/lib/disclosure/requestQueries";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";
import { Field, inputClass } from "@/components/ui/Field";
import { LocalText } from "@/components/ui/LocalText";
import { Button } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { lookUpCase } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("account", "account:trackTitle");

/**
 * 办件查询: the 办件编号 and 查询码 are posted (lookUpCase; no JavaScript needed) and reach this
 * page in a short-lived cookie, so the 查询码 stays out of the URL and the logs. A link may fill
 * in the 办件编号 (`?trackingNumber=`, the receipt's QR code); the 查询码 is always typed.
 */
export default async function TrackPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([
    pageT(params, ["account", "errors", "disclosure", "services"]),
    searchParams,
  ]);
  const kept = await keptTrackingLookup(query[lookupParam]);
  const values = kept ?? {
    trackingNumber: param(query.trackingNumber, 40)?.slice(0, 40) ?? "",
    accessCode: "",
  };
  const parsed = kept ? ZTrack.safeParse(values) : null;
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
  const fields = ["trackingNumber", "accessCode"] as const;
  const messages = errorMessages(t);
  const fieldMessage = (name: (typeof fields)[number]) =>
    messageForCode(messages, fieldErrors[name], { label: t(`account:${name}`), kind: "input" });
  const errors: { field: string; message: string }[] = fields
    .filter((name) => fieldErrors[name])
    .map((name) => ({ field: name, message: fieldMessage(name) }));
  if (waitMinutes !== null)
    errors.push({ field: "form", message: t("errors:tooManyAttempts", { limit: waitMinutes }) });

  return (
    <div className="grid gap-6">
      <PageHeading title={t("account:trackTitle")} intro={t("account:trackIntro")} />
      <form action={lookUpCase} className="grid max-w-lg gap-4" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <ErrorSummary title={t("errors:summaryTitle")} errors={errors} />
        {fields.map((name) => (
          <Field
            key={name}
            id={`field-${name}`}
            label={t(`account:${name}`)}
            hint={t(`account:${name}Hint`)}
            error={fieldErrors[name] ? fieldMessage(name) : undefined}
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
          letter={{ number: parsed.data.trackingNumber, code: parsed.data.accessCode }}
        />
      ) : null}
      {parsed?.success && waitMinutes === null && !found && !request ? (
        <StatusNote>{t("account:trackNotFound")}</StatusNote>
      ) : null}
      {found ? (
        <section aria-labelledby="result" className="grid gap-3">
          <h2 id="result" className="text-xl font-bold">
            <LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />
          </h2>
          <DefinitionList
            items={[
              [t("account:trackingNumber"), found.trackingNumber],
              [t("account:status"), t(`account:caseStatus.${found.status}`)],
              [t("account:submitted"), formatDate(locale, found.submittedAt)],
              [t("account:due"), caseDueText(locale, t, found)],
            ]}
          />
          <CaseTimeline locale={locale} t={t} events={found.events} headingLevel={3} />
          <CaseNext locale={locale} t={t} found={found} />
        </section>
      ) : null}
    </div>
  );
}

function CaseNext({
  locale,
  t,
  found,
}: {
  locale: Awaited<ReturnType<typeof pageT>>["locale"];
  t: Awaited<ReturnType<typeof pageT>>["t"];
  found: Parameters<typeof caseNextStep>[0];
}) {
  const next = caseNextStep(found);
  return (
    <NextStep
      locale={locale}
      title={t("account:next.title")}
      text={t(`account:next.${next.key}`, { date: "{{date}}" })}
      by={next.by}
    />
  );
}
