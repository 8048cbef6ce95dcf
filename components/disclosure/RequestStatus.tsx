import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { LocalText } from "../ui/LocalText";
import { DefinitionList } from "../ui/DefinitionList";
import { Timeline } from "../ui/Timeline";
import { NextStep } from "../cases/NextStep";
import { requestNextStep } from "@/lib/disclosure/nextStep";

type TRequestView = {
  trackingNumber: string;
  status: string;
  createdAt: Date;
  dueOn: Date | null;
  extendedDueOn: Date | null;
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
          [
            t("disclosure:request.due"),
            due ? formatDay(locale, due) : t("disclosure:request.dueAfterReceipt"),
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
        label={(event) => t(`disclosure:step.${event.kind}`)}
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
