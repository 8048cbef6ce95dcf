import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { getT } from "../i18n/server";
import { lt } from "../i18n/content";
import { formatDay } from "../i18n/format";
import { defaultLocale, isLocale } from "../i18n/settings";
import { queueMail, type TMail } from "../mail/sendMail";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { channelsFor, type TNotifyKind } from "../sms/choices";
import { queueSms, type TSms } from "../sms/sendSms";
import { hasMailbox } from "../sms/mobileAccount";

type Tx = PrismaClient | Prisma.TransactionClient;

export function publicBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/** Who is told and about what: everything a case notice is written from. */
export type TCaseNoticeInput = {
  applicant: { id: string; email: string; name: string; locale: string | null; mobile?: string | null };
  trackingNumber: string;
  service: { name: string; nameEn: string | null };
  status: string;
  kind: string;
  reason?: string | null;
  missing?: string[];
  /** a new due day the change set (an approved extension), YYYY-MM-DD */
  due?: string | null;
};

/** A case notice written out in the applicant's language: the note in the app and the mail. */
export type TCaseNotice = {
  notification: { userId: string; kind: string; title: string; body: string; link: string };
  mail: TMail;
  /** for the kinds a citizen chooses channels for: the kind and the SMS, sent if they chose it */
  sms?: { kind: TNotifyKind; message: TSms };
};

/** The case steps whose notice a citizen may have by SMS, and the kind of their choice. */
const smsKindOfStep: Record<string, TNotifyKind> = {
  requestSupplement: "supplement",
  approve: "decision",
  deny: "decision",
  complete: "decision",
};

/** Writes the notice in the applicant's language (no database work: it can run before a transaction). */
export async function composeCaseNotice(input: TCaseNoticeInput): Promise<TCaseNotice> {
  const locale = isLocale(input.applicant.locale) ? input.applicant.locale : defaultLocale;
  const t = await getT(locale, ["notifications", "account"]);
  const values = {
    number: input.trackingNumber,
    service: lt(locale, input.service.name, input.service.nameEn),
    status: t(`account:caseStatus.${input.status}`),
    event: t(`account:event.${input.kind}`),
    name: input.applicant.name,
  };
  const path = `/${locale}/account/cases/${input.trackingNumber}`;
  const title = t("notifications:caseTitle", values);
  const missing = input.missing?.length
    ? [
        t("notifications:missing"),
        ...input.missing.map((item, index) => `${index + 1}. ${lt(locale, item)}`),
      ].join("\n")
    : "";
  const body = [
    t("notifications:caseBody", values),
    input.due
      ? t("notifications:newDue", { date: formatDay(locale, new Date(`${input.due}T00:00:00Z`)) })
      : "",
    input.reason ? t("notifications:reason", { reason: lt(locale, input.reason) }) : "",
    missing,
  ]
    .filter(Boolean)
    .join("\n");
  const smsKind = smsKindOfStep[input.kind];
  const mobile = input.applicant.mobile;
  const sms: TCaseNotice["sms"] =
    smsKind && mobile
      ? {
          kind: smsKind,
          message: {
            to: mobile,
            userId: input.applicant.id,
            ...(smsKind === "supplement"
              ? { template: "supplementRequested", params: { number: input.trackingNumber } }
              : { template: "caseDecided", params: { number: input.trackingNumber, result: values.status } }),
          },
        }
      : undefined;
  return {
    ...(sms ? { sms } : {}),
    notification: { userId: input.applicant.id, kind: `case.${input.kind}`, title, body, link: path },
    mail: {
      to: input.applicant.email,
      userId: input.applicant.id,
      subject: title,
      text: [
        t("notifications:greeting", values),
        "",
        body,
        "",
        t("notifications:link", { link: `${publicBaseUrl()}${path}` }),
        "",
        t("notifications:footer"),
      ].join("\n"),
    },
  };
}

/**
 * Queues a composed notice in the caller's transaction: the note in the app and the queued mail
 * commit together with the change they tell of, so neither is lost without the other.
 */
export async function queueCaseNotice(tx: Tx, notice: TCaseNotice): Promise<void> {
  await tx.notification.create({ data: notice.notification });
  const mailbox = hasMailbox(notice.mail.to);
  if (!notice.sms) {
    if (mailbox) await queueMail(tx, notice.mail);
    return;
  }
  // the channels the applicant chose for this kind (account settings), e-mail by default
  const channels = await channelsFor(tx, {
    userId: notice.notification.userId,
    kind: notice.sms.kind,
    hasMailbox: mailbox,
    mobile: notice.sms.message.to,
  });
  if (channels.email) await queueMail(tx, notice.mail);
  if (channels.sms) await queueSms(tx, notice.sms.message);
}

/**
 * Tells the applicant about a change to their case, in their language: an in-app notification
 * and an e-mail, queued (the request never waits for the SMTP server). A failure here is logged,
 * never undoes the change itself.
 */
export async function notifyApplicant(
  input: {
    trackingNumber: string;
    kind: string;
    reason?: string | null;
    missing?: string[];
    due?: string | null;
  } & TDbOption,
): Promise<void> {
  try {
    const prisma = await clientOf(input);
    const found = await prisma.application.findUnique({
      where: { trackingNumber: input.trackingNumber },
      select: {
        status: true,
        trackingNumber: true,
        applicant: {
          select: { id: true, email: true, name: true, locale: true, closedAt: true, mobile: true },
        },
        service: { select: { name: true, nameEn: true } },
      },
    });
    // a closed account has nobody left to tell: its address is a placeholder, its notes erased
    if (!found || found.applicant.closedAt) return;
    const notice = await composeCaseNotice({ ...input, ...found });
    await prisma.$transaction((tx) => queueCaseNotice(tx, notice));
  } catch (error) {
    console.error("[notify] failed", input.trackingNumber, error);
  }
}
