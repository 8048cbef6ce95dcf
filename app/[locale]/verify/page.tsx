import { pageMetadata, pageT } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { lt } from "@/lib/i18n/content";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import {
  groupedCode,
  maskedName,
  normaliseVerificationCode,
  resultWording,
  verifyResultDocument,
} from "@/lib/cases/resultDocument";
import { TooManyRequestsError, minutesToWait } from "@/lib/throttle/throttle";
import { ErrorSummary } from "@/components/form/ErrorSummary";
import { Field, inputClass } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { DefinitionList } from "@/components/ui/DefinitionList";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("result", "result:verifyTitle");

/**
 * 文书核验: anyone holding a result document checks it by its code, without signing in. A GET
 * form, so the QR code on the document can open the verdict directly.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([pageT(params, ["result", "errors"]), searchParams]);
  const typed = param(query.code, 40) ?? "";
  const submitted = query.code !== undefined;
  const code = submitted ? normaliseVerificationCode(typed) : null;
  const errors: { field: string; message: string }[] = [];
  if (submitted && !code) errors.push({ field: "code", message: t("errors:verificationCodeFormat") });
  let found: Awaited<ReturnType<typeof verifyResultDocument>> = null;
  if (code) {
    try {
      found = await verifyResultDocument({ code });
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      errors.push({ field: "form", message: t("errors:tooManyAttempts", { limit: minutesToWait(error) }) });
    }
  }
  const fieldError = errors.find((e) => e.field === "code")?.message;
  const throttled = errors.some((e) => e.field === "form");

  return (
    <div className="grid gap-6">
      <PageHeading title={t("result:verifyTitle")} intro={t("result:verifyIntro")} />
      <form method="get" className="grid max-w-lg gap-4" noValidate>
        <ErrorSummary title={t("errors:summaryTitle")} errors={errors} />
        <Field
          id="field-code"
          label={t("result:verificationCode")}
          hint={t("result:verifyCodeHint")}
          error={fieldError}
        >
          <input
            id="field-code"
            name="code"
            defaultValue={typed}
            className={inputClass}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`field-code-hint${fieldError ? " field-code-error" : ""}`}
          />
        </Field>
        <Button className="justify-self-start">{t("result:verifySubmit")}</Button>
      </form>
      {code && !found && !throttled ? <StatusNote alert>{t("result:verifyNotFound")}</StatusNote> : null}
      {found ? (
        <section aria-labelledby="verdict" className="grid gap-3">
          <h2 id="verdict" className="text-xl font-bold">
            {t("result:verifyFound")}
          </h2>
          <p>{t("result:verifyFoundIntro")}</p>
          <DefinitionList
            items={[
              [
                t("result:documentTitle"),
                t(`result:wording.${resultWording(found.serviceType, found.kind)}.title`),
              ],
              [t("result:verificationCode"), groupedCode(found.verificationCode)],
              [t("result:trackingNumber"), found.facts.trackingNumber],
              [t("result:service"), lt(locale, found.facts.serviceName, found.facts.serviceNameEn)],
              [t("result:holder"), maskedName(found.facts.holderName)],
              [t("result:department"), lt(locale, found.facts.departmentName, found.facts.departmentNameEn)],
              [t("result:decidedAt"), formatDate(locale, new Date(found.facts.decidedAt))],
              [t("result:issuedAt"), formatDate(locale, found.issuedAt)],
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
