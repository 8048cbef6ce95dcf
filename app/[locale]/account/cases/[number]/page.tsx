import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { errorMessages } from "@/lib/i18n/messages";
import { requireCitizen } from "@/lib/auth/session";
import { getOwnCase } from "@/lib/cases/ownCases";
import { caseWorkflow } from "@/lib/cases/caseWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { ratingLevels } from "@/lib/cases/rateCase";
import { LocalText } from "@/components/ui/LocalText";
import { SimpleForm } from "@/components/form/SimpleForm";
import { CaseTimeline } from "@/components/cases/CaseTimeline";
import { FileList } from "@/components/cases/FileList";
import { rateOwnCase, supplyCase, withdrawCase } from "./actions";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ locale: string; number: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "account");
  return { title: `${t("account:caseTitle")} ${(await params).number}` };
}

/** The applicant's own case: status, deadline, public timeline, files, and what they can do now. */
export default async function CasePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { number } = await params;
  const actor = await requireCitizen(locale, `/${locale}/account/cases/${number}`);
  const found = await getOwnCase({ actor, trackingNumber: number });
  if (!found) notFound();
  const t = await getT(locale, ["account", "apply", "errors"]);
  const done = param((await searchParams).done, 20);
  const can = allowedSteps(caseWorkflow, actor, found);
  const rateable = (found.status === "COMPLETED" || found.status === "DELIVERED") && !found.rating;
  const hidden = { locale, trackingNumber: found.trackingNumber, expectedVersion: String(found.version) };
  const messages = errorMessages(t);
  const results = found.attachments.filter((file) => file.purpose === "result");
  const mine = found.attachments.filter((file) => file.purpose !== "result");

  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/account`}>{t("account:title")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        <LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />
      </h1>
      {done ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t(
            `account:done.${done === "withdrawn" || done === "supplied" || done === "rated" ? done : "saved"}`,
          )}
        </p>
      ) : null}
      <dl className="grid gap-2 border border-line bg-panel p-4 md:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t("account:trackingNumber")}</dt>
        <dd>{found.trackingNumber}</dd>
        <dt className="font-bold">{t("account:accessCode")}</dt>
        <dd>{found.accessCode}</dd>
        <dt className="font-bold">{t("account:status")}</dt>
        <dd>
          <strong>{t(`account:caseStatus.${found.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("account:submitted")}</dt>
        <dd>{formatDate(locale, found.submittedAt)}</dd>
        <dt className="font-bold">{t("account:due")}</dt>
        <dd>
          {found.promisedDue ? formatDay(locale, found.promisedDue) : t("account:dueAfterAcceptance")}
          {found.dueProvisional ? ` ${t("account:provisional")}` : null}
        </dd>
      </dl>

      <p>
        <a href={`/${locale}/account/cases/${found.trackingNumber}/receipt.pdf`}>
          {t("account:receiptLink")}
        </a>
      </p>

      {results.length ? (
        <Section id="results" title={t("account:results")}>
          <FileList files={results} locale={locale} t={t} />
        </Section>
      ) : null}

      {can.includes("supplyMaterials") ? (
        <section aria-labelledby="supply" className="grid gap-2 border-4 border-brand p-4">
          <h2 id="supply" className="text-xl font-bold">
            {t("account:supplyTitle")}
          </h2>
          <p>{t("account:supplyIntro")}</p>
          <SimpleForm
            idPrefix="supply"
            action={supplyCase}
            hidden={hidden}
            fields={[
              {
                name: "files",
                type: "file",
                multiple: true,
                accept: "application/pdf,image/jpeg,image/png",
                label: t("account:supplyFiles"),
                hint: t("apply:fileHint", { types: "PDF / JPG / PNG", size: 10 }),
              },
              { name: "note", type: "textarea", label: `${t("account:supplyNote")}${t("apply:optional")}` },
            ]}
            submitLabel={t("account:supplySubmit")}
            messages={messages}
            errorTitle={t("errors:summaryTitle")}
          />
        </section>
      ) : null}

      {rateable ? (
        <section aria-labelledby="rate" className="grid gap-2">
          <h2 id="rate" className="text-xl font-bold">
            {t("account:rateTitle")}
          </h2>
          <p>{t("account:rateIntro")}</p>
          <SimpleForm
            idPrefix="rate"
            action={rateOwnCase}
            hidden={{ locale, trackingNumber: found.trackingNumber }}
            fields={[
              {
                name: "level",
                type: "radio",
                label: t("account:rateLevel"),
                options: ratingLevels.map((level) => ({
                  value: String(level),
                  label: t(`account:rating.${level}`),
                })),
              },
              {
                name: "comment",
                type: "textarea",
                label: `${t("account:rateComment")}${t("apply:optional")}`,
              },
            ]}
            submitLabel={t("account:rateSubmit")}
            messages={messages}
            errorTitle={t("errors:summaryTitle")}
          />
        </section>
      ) : null}
      {found.rating ? (
        <p>{t("account:ratedAs", { level: t(`account:rating.${found.rating.level}`) })}</p>
      ) : null}

      <CaseTimeline locale={locale} t={t} events={found.events} />

      {mine.length ? (
        <Section id="files" title={t("account:yourFiles")}>
          <FileList files={mine} locale={locale} t={t} />
        </Section>
      ) : null}

      {can.includes("withdraw") ? (
        <section aria-labelledby="withdraw" className="grid gap-2">
          <h2 id="withdraw" className="text-xl font-bold">
            {t("account:withdrawTitle")}
          </h2>
          <p>{t("account:withdrawIntro")}</p>
          <SimpleForm
            idPrefix="withdraw"
            action={withdrawCase}
            hidden={hidden}
            fields={[
              {
                name: "reason",
                type: "textarea",
                label: `${t("account:withdrawReason")}${t("apply:optional")}`,
              },
            ]}
            submitLabel={t("account:withdrawSubmit")}
            messages={messages}
            errorTitle={t("errors:summaryTitle")}
            tone="warning"
          />
        </section>
      ) : null}
    </div>
  );
}
