import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { applicantPeriods } from "@/lib/disclosure/requestWorkflow";
import { LocalText } from "../ui/LocalText";
import { DefinitionList } from "../ui/DefinitionList";
import { Timeline } from "../ui/Timeline";
import { NextStep } from "../cases/NextStep";
import { requestNextStep } from "@/lib/disclosure/nextStep";

type TRequestView = {
  trackingNumber: string;
  status: string;
  createdAt: Date;
  /** the day the application legally reached the office (Art. 31) */
  receivedOn: Date | null;
  dueOn: Date | null;
  extendedDueOn: Date | null;
  /** computed on a calendar that does not yet know the year's holidays */
  dueProvisional: boolean;
  outcome: string | null;
  outcomeSub: string | null;
  letterNumber: string | null;
  replyText: string | null;
  legalBasis: string | null;
  department: { name: string; nameEn: string };
  events: { id: string; kind: string; reason: string | null; data: unknown; createdAt: Date }[];
  /** reply files, for the signed-in applicant */
  attachments?: { id: string; fileName: string; size: number }[];
};

/** A 依申请公开 request as its applicant sees it: status, deadline, reply and public timeline. */
export function RequestStatus({
  locale,
  t,
  request,
  letter,
}: {
  locale: TLocale;
  t: TFunction;
  request: TRequestView;
  /** the number and 查询码 the reply letter is fetched with, by POST (never in a URL) */
  letter?: { number: string; code: string };
}) {
  const next = requestNextStep(request);
  const due = request.extendedDueOn ?? request.dueOn;
  const periods = applicantPeriods(request.events);
  const day = (iso: string | null) => (iso ? formatDay(locale, new Date(`${iso}T00:00:00Z`)) : "");
  // while 补正 or a fee is pending the clock waits: the deadline line says so, with the applicant's own date
  const dueLine =
    request.status === "SUPPLEMENT"
      ? t("disclosure:request.dueSupplement", { date: day(periods.correctionDue) })
      : request.status === "FEE_PENDING"
        ? t("disclosure:request.dueFee", { amount: periods.feeAmount ?? 0, date: day(periods.feeDue) })
        : due
          ? formatDay(locale, due) + (request.dueProvisional ? ` ${t("disclosure:request.provisional")}` : "")
          : t("disclosure:request.dueAfterReceipt");
  const zh = (text: string) => <LocalText locale={locale} zh={text} />;
  return (
    <section aria-labelledby="request-result" className="grid gap-3">
      <h2 id="request-result" className="text-xl font-bold">
        {t("disclosure:request.statusTitle")}
      </h2>
      <DefinitionList
        className="grid gap-2 md:grid-cols-[10rem_1fr]"
        items={[
          [t("account:trackingNumber"), request.trackingNumber],
          [
            t("disclosure:request.department"),
            <LocalText
              key="department"
              locale={locale}
              zh={request.department.name}
              en={request.department.nameEn}
            />,
          ],
          [
            t("account:status"),
            <strong key="status">{t(`disclosure:requestStatus.${request.status}`)}</strong>,
          ],
          [t("account:submitted"), formatDate(locale, request.createdAt)],
          !!request.receivedOn && [t("disclosure:request.receivedOn"), formatDay(locale, request.receivedOn)],
          [
            t("disclosure:request.due"),
            <span key="due" data-testid="request-due">
              {dueLine}
            </span>,
          ],
          // the reply's parts, each shown once the request has it
          !!request.outcome && [
            t("disclosure:request.outcome"),
            t(`disclosure:outcome.${request.outcome}`) +
              (request.outcomeSub ? ` · ${t(`disclosure:outcomeSub.${request.outcomeSub}`)}` : ""),
          ],
          !!request.letterNumber && [t("disclosure:request.letterNumber"), request.letterNumber],
          !!request.legalBasis && [t("disclosure:request.legalBasis"), zh(request.legalBasis)],
          !!request.replyText && [t("disclosure:request.replyText"), zh(request.replyText)],
        ]}
      />
      {request.outcome ? <p className="text-sm">{t("disclosure:request.remedies")}</p> : null}
      {request.letterNumber && letter ? (
        <form method="post" action={`/${locale}/disclosure/request/letter.pdf`}>
          <input type="hidden" name="number" value={letter.number} />
          <input type="hidden" name="code" value={letter.code} />
          <button type="submit" className="min-h-10 text-left text-link underline">
            {t("disclosure:letter.download")}
          </button>
        </form>
      ) : null}
      {request.attachments?.length ? (
        <ul>
          {request.attachments.map((file) => (
            <li key={file.id}>
              <a href={`/api/v1/files/${file.id}`}>{file.fileName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className="font-bold">{t("account:timeline")}</h3>
      <Timeline
        locale={locale}
        events={request.events}
        label={(event) => {
          const data = (event.data ?? {}) as Record<string, unknown>;
          const name = t(`disclosure:step.${event.kind}`);
          const withDetail = (detail: string) => t("disclosure:request.stepDetail", { step: name, detail });
          // the 补正 notice and the fee notice state their periods; a recomputed deadline its change
          if (event.kind === "requestSupplement" && typeof data.correctionDue === "string")
            return withDetail(
              t("disclosure:request.correctionPeriod", {
                days: data.correctionDays,
                date: day(data.correctionDue),
              }),
            );
          if (event.kind === "issueFeeNotice" && typeof data.feeDue === "string")
            return withDetail(
              t("disclosure:request.feeNotice", { amount: data.amount, date: day(data.feeDue) }),
            );
          if (event.kind === "deadlineRecomputed") {
            const to = (data.to ?? {}) as { dueOn?: string | null; extendedDueOn?: string | null };
            return withDetail(day(to.extendedDueOn ?? to.dueOn ?? null));
          }
          return name;
        }}
      />
      <NextStep
        locale={locale}
        title={t("disclosure:next.title")}
        text={t(`disclosure:next.${next.key}`, { date: "{{date}}" })}
        by={next.by}
      />
    </section>
  );
}
