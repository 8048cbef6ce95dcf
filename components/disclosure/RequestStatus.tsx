import { Fragment, type ReactNode } from "react";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { LocalText } from "../ui/LocalText";

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
  letterHref,
}: {
  locale: TLocale;
  t: TFunction;
  request: TRequestView;
  letterHref?: string;
}) {
  const due = request.extendedDueOn ?? request.dueOn;
  // the reply's parts, each shown once the request has it
  const reply: [string, ReactNode][] = [];
  if (request.outcome)
    reply.push([
      t("disclosure:request.outcome"),
      t(`disclosure:outcome.${request.outcome}`) +
        (request.outcomeSub ? ` · ${t(`disclosure:outcomeSub.${request.outcomeSub}`)}` : ""),
    ]);
  if (request.letterNumber) reply.push([t("disclosure:request.letterNumber"), request.letterNumber]);
  if (request.legalBasis)
    reply.push([
      t("disclosure:request.legalBasis"),
      <LocalText key="basis" locale={locale} zh={request.legalBasis} />,
    ]);
  if (request.replyText)
    reply.push([
      t("disclosure:request.replyText"),
      <LocalText key="text" locale={locale} zh={request.replyText} />,
    ]);
  return (
    <section aria-labelledby="request-result" className="grid gap-3">
      <h2 id="request-result" className="text-xl font-bold">
        {t("disclosure:request.statusTitle")}
      </h2>
      <dl className="grid gap-2 md:grid-cols-[10rem_1fr]">
        <dt className="font-bold">{t("account:trackingNumber")}</dt>
        <dd>{request.trackingNumber}</dd>
        <dt className="font-bold">{t("disclosure:request.department")}</dt>
        <dd>
          <LocalText locale={locale} zh={request.department.name} en={request.department.nameEn} />
        </dd>
        <dt className="font-bold">{t("account:status")}</dt>
        <dd>
          <strong>{t(`disclosure:requestStatus.${request.status}`)}</strong>
        </dd>
        <dt className="font-bold">{t("account:submitted")}</dt>
        <dd>{formatDate(locale, request.createdAt)}</dd>
        <dt className="font-bold">{t("disclosure:request.due")}</dt>
        <dd>{due ? formatDay(locale, due) : t("disclosure:request.dueAfterReceipt")}</dd>
        {reply.map(([term, value]) => (
          <Fragment key={term}>
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {request.outcome ? <p className="text-sm">{t("disclosure:request.remedies")}</p> : null}
      {request.letterNumber && letterHref ? (
        <p>
          <a href={letterHref}>{t("disclosure:letter.download")}</a>
        </p>
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
      <ol className="ml-2 grid gap-3 border-l-4 border-line">
        {request.events.map((event) => {
          const missing = (event.data as { missing?: string[] } | null)?.missing;
          return (
            <li key={event.id} className="pl-4">
              <p className="font-bold">
                {t(`disclosure:step.${event.kind}`)}{" "}
                <span className="font-normal text-muted">· {formatDate(locale, event.createdAt)}</span>
              </p>
              {event.reason ? (
                <p>
                  <LocalText locale={locale} zh={event.reason} />
                </p>
              ) : null}
              {missing?.length ? (
                <ul className="ml-6 list-disc">
                  {missing.map((item, i) => (
                    <li key={i}>
                      <LocalText locale={locale} zh={item} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
