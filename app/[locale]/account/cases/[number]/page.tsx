import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageT } from "@/lib/i18n/server";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { codeOptions } from "@/lib/i18n/options";
import { requireCitizen } from "@/lib/auth/session";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { getOwnCase } from "@/lib/cases/ownCases";
import { caseWorkflow } from "@/lib/cases/caseWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { ratingLevels } from "@/lib/cases/rateCase";
import { openSupplementRequest, supplementItemField } from "@/lib/cases/supplementRequest";
import { LocalText } from "@/components/ui/LocalText";
import { FormSection } from "@/components/form/FormSection";
import { CaseTimeline } from "@/components/cases/CaseTimeline";
import { NextStep } from "@/components/cases/NextStep";
import { caseDueText } from "@/components/cases/caseDueText";
import { caseNextStep } from "@/lib/cases/nextStep";
import { FileSection } from "@/components/cases/FileList";
import { AccountFrame } from "@/components/ui/PageFrame";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { appealOwnFollowUp, rateOwnCase, withdrawCase } from "./actions";
import { followUpForRater } from "@/lib/cases/followUp";
import { getCaseSettings } from "@/lib/settings/queries";
import { chinaDay } from "@/lib/calendar/workdays";

type Props = { params: Promise<{ locale: string; number: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageT(params, "account");
  return { title: `${t("account:caseTitle")} ${(await params).number}` };
}

const doneMessages = ["withdrawn", "supplied", "rated", "appealed"];

/** The applicant's own case: status, deadline, public timeline, files, and what they can do now. */
export default async function CasePage({ params, searchParams }: Props) {
  const [{ locale, t }, { number }] = await Promise.all([
    pageT(params, ["account", "apply", "errors", "result", "services"]),
    params,
  ]);
  const actor = await requireCitizen(locale, `/${locale}/account/cases/${number}`);
  const found = await getOwnCase({ actor, trackingNumber: number });
  if (!found) notFound();
  const query = await searchParams;
  const done = param(query.done, 20);
  const can = allowedSteps(caseWorkflow, actor, found);
  const rateable = (found.status === "COMPLETED" || found.status === "DELIVERED") && !found.rating;
  const hidden = { locale, trackingNumber: found.trackingNumber, expectedVersion: String(found.version) };
  const optional = (label: string) => `${label}${t("apply:optional")}`;
  // what the applicant can do here: each section's title, introduction and button are named after it
  const step = (id: "supply" | "rate" | "withdraw" | "appeal") => ({
    id,
    title: t(`account:${id}Title`),
    intro: t(`account:${id}Intro`),
    submitLabel: t(`account:${id}Submit`),
  });
  // a 差评's follow-up as the rater sees it: its outcome, and the appeal while it is open
  const followUp = found.rating
    ? followUpForRater(found.rating, (await getCaseSettings()).appealDays, chinaDay(new Date()))
    : null;
  const results = found.attachments.filter((file) => file.purpose === "result");
  const next = caseNextStep(found);
  const mine = found.attachments.filter((file) => file.purpose !== "result");
  // what the caseworker asked for, item by item, with the day it is due: read here, not in the timeline
  const supplement = can.includes("supplyMaterials") ? openSupplementRequest(found.events) : null;
  const supplementItems = supplement?.items.length ? supplement.items : [t("account:supplyFiles")];
  const supplementDue = supplement ? formatDay(locale, new Date(`${supplement.due}T00:00:00Z`)) : "";

  return (
    <AccountFrame
      title={<LocalText locale={locale} zh={found.service.name} en={found.service.nameEn} />}
      status={done ? t(`account:done.${doneMessages.includes(done) ? done : "saved"}`) : null}
    >
      <DefinitionList
        className="grid gap-2 border border-line bg-panel p-4 md:grid-cols-[12rem_1fr]"
        items={[
          [t("account:trackingNumber"), found.trackingNumber],
          [t("account:accessCode"), found.accessCode],
          [t("account:status"), <strong key="status">{t(`account:caseStatus.${found.status}`)}</strong>],
          // 代办: filed by this account for someone else
          !!found.principalName && [
            t("account:onBehalfTerm"),
            t("account:onBehalfValue", {
              name: found.principalName,
              idNumber: found.principalIdNumber ?? "",
            }),
          ],
          [t("account:submitted"), formatDate(locale, found.submittedAt)],
          [t("account:due"), caseDueText(locale, t, found)],
          ...(supplement ? [[t("account:supplyDueTerm"), supplementDue] as [string, string]] : []),
        ]}
      />

      <p>
        <a href={`/${locale}/account/cases/${found.trackingNumber}/receipt.pdf`}>
          {t("account:receiptLink")}
        </a>
      </p>

      {found.resultDocument ? (
        <p>
          <a href={`/${locale}/account/cases/${found.trackingNumber}/result.pdf`}>{t("result:download")}</a>
        </p>
      ) : null}
      <FileSection id="results" title={t("account:results")} files={results} locale={locale} t={t} />

      {supplement ? (
        <FormSection
          framed
          {...step("supply")}
          intro={
            <>
              <span className="block">{t("account:supplyIntro")}</span>
              <strong className="mt-2 block" id="supply-due">
                {t("account:supplyDue", { date: supplementDue })}
              </strong>
            </>
          }
          postTo="/api/forms/case-supply"
          returned={await returnedFormState({ actor, id: query[formReturnParam] })}
          hidden={hidden}
          fields={[
            ...supplementItems.map((item, index) => ({
              name: supplementItemField(index),
              type: "file" as const,
              multiple: true,
              accept: "application/pdf,image/jpeg,image/png",
              label: t("account:supplyItem", { number: index + 1, item }),
              hint: t("apply:fileHint", { types: "PDF / JPG / PNG", size: 10 }),
            })),
            { name: "note", type: "textarea", label: optional(t("account:supplyNote")) },
          ]}
        />
      ) : null}

      {rateable ? (
        <FormSection
          {...step("rate")}
          action={rateOwnCase}
          hidden={{ locale, trackingNumber: found.trackingNumber }}
          fields={[
            {
              name: "level",
              type: "radio",
              label: t("account:rateLevel"),
              options: codeOptions(t, "account:rating", ratingLevels),
            },
            { name: "comment", type: "textarea", label: optional(t("account:rateComment")) },
          ]}
        />
      ) : null}
      {found.rating ? (
        <p>{t("account:ratedAs", { level: t(`account:rating.${found.rating.level}`) })}</p>
      ) : null}
      {followUp ? (
        <section aria-labelledby="follow-up" className="grid gap-2 border border-line p-4">
          <h2 id="follow-up" className="text-xl font-bold">
            {t("account:followUp.title")}
          </h2>
          <p>
            <strong>{t(`account:followUp.status.${followUp.status}`)}</strong>
          </p>
          {followUp.outcome ? (
            <p>
              {t("account:followUp.outcome")}: <LocalText locale={locale} zh={followUp.outcome} />
            </p>
          ) : null}
        </section>
      ) : null}
      {followUp?.appealUntil ? (
        <FormSection
          {...step("appeal")}
          intro={t("account:appealIntro", {
            date: formatDay(locale, new Date(`${followUp.appealUntil}T00:00:00Z`)),
          })}
          action={appealOwnFollowUp}
          hidden={{ locale, trackingNumber: found.trackingNumber }}
          fields={[{ name: "reason", type: "textarea", label: t("account:appealReason") }]}
        />
      ) : null}

      <CaseTimeline locale={locale} t={t} events={found.events} />
      <NextStep
        locale={locale}
        headingLevel={2}
        title={t("account:next.title")}
        text={t(`account:next.${next.key}`, { date: "{{date}}" })}
        by={next.by}
      />

      <FileSection id="files" title={t("account:yourFiles")} files={mine} locale={locale} t={t} />

      {can.includes("withdraw") ? (
        <FormSection
          {...step("withdraw")}
          action={withdrawCase}
          hidden={hidden}
          fields={[{ name: "reason", type: "textarea", label: optional(t("account:withdrawReason")) }]}
          tone="warning"
        />
      ) : null}
    </AccountFrame>
  );
}
