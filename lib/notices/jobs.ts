import "server-only";
import { z } from "zod";
import type { TJobHandler, TJobHandlers } from "../jobs/queue";
import { sendMail } from "../mail/sendMail";
import { getT } from "../i18n/server";
import { lt } from "../i18n/content";
import { defaultLocale, isLocale } from "../i18n/settings";
import { publicBaseUrl } from "../notifications/notifyApplicant";
import { markdownToText } from "../content/markdown";
import { writeAudit } from "../audit/writeAudit";
import { publishNotice } from "./applyNoticeStep";
import { noticeVisibilityChanged } from "./effects";
import { contentChanged } from "../cache/contentChanged";
import { describeSubscription } from "./subscriptions";
import { queueEmergencySms } from "../sms/emergency";

const ZNoticePayload = z.object({ noticeId: z.string().min(1) });
const ZConfirmPayload = z.object({ subscriptionId: z.string().min(1), token: z.string().min(1) });

const localeOf = (value: string) => (isLocale(value) ? value : defaultLocale);

function unsubscribeHeaders(link: string): Record<string, string> {
  // RFC 8058: mail clients offer a one-click "unsubscribe" that POSTs to this address
  return { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** The double opt-in mail: a link to confirm, and one to say it was not you. */
const confirmMail: TJobHandler = async ({ db: prisma, payload }) => {
  const { subscriptionId, token } = ZConfirmPayload.parse(payload);
  const subscription = await prisma.subscription.findUnique({
    where: { id: subscriptionId },
    include: { community: true },
  });
  // a newer request replaced the token, or it was confirmed meanwhile: nothing to send
  if (
    !subscription ||
    subscription.token !== token ||
    subscription.confirmedAt ||
    subscription.unsubscribedAt
  )
    return;
  const locale = localeOf(subscription.locale);
  const t = await getT(locale, ["notices", "catalog"]);
  const base = `${publicBaseUrl()}/${locale}/notices`;
  const what = describeSubscription(t, locale, subscription);
  const unsubscribeLink = `${base}/unsubscribe?token=${token}`;
  await sendMail({
    db: prisma,
    key: `subscription-confirm:${subscription.id}:${token}`,
    to: subscription.email,
    subject: t("notices:mail.confirmSubject"),
    text: [
      t("notices:mail.confirmIntro", { what }),
      "",
      `${base}/subscribe/confirm?token=${token}`,
      "",
      t("notices:mail.notYou"),
      "",
      t("notices:mail.unsubscribe", { link: unsubscribeLink }),
    ].join("\n"),
    headers: unsubscribeHeaders(unsubscribeLink),
  });
};

/**
 * Mails a published notice to every confirmed subscriber of one of its communities (or of all)
 * and its category (or all): one queued mail per address. A delivery row per subscription, written
 * when the SMTP server accepted the mail, means a later mail-out skips those already sent.
 */
const noticeMail: TJobHandler = async ({ db: prisma, payload }) => {
  const { noticeId } = ZNoticePayload.parse(payload);
  const notice = await prisma.notice.findUnique({
    where: { id: noticeId },
    include: { targets: { select: { communityId: true } } },
  });
  if (!notice || notice.status !== "PUBLISHED" || (notice.expiresAt && notice.expiresAt <= new Date()))
    return;
  const subscriptions = await prisma.subscription.findMany({
    where: {
      confirmedAt: { not: null },
      unsubscribedAt: null,
      AND: [
        { OR: [{ communityId: null }, { communityId: { in: notice.targets.map((t) => t.communityId) } }] },
        { OR: [{ category: null }, { category: notice.category }] },
      ],
      deliveries: { none: { noticeId } },
    },
    orderBy: { createdAt: "asc" },
  });
  const byEmail = new Map<string, typeof subscriptions>();
  for (const s of subscriptions) {
    const mine = byEmail.get(s.email);
    if (mine) mine.push(s);
    else byEmail.set(s.email, [s]);
  }
  for (const [email, mine] of byEmail) {
    const first = mine[0];
    const locale = localeOf(first.locale);
    const t = await getT(locale, ["notices", "catalog"]);
    const base = `${publicBaseUrl()}/${locale}/notices`;
    const unsubscribeLink = `${base}/unsubscribe?token=${first.token}`;
    const title = lt(locale, notice.title, notice.titleEn);
    const body = markdownToText(notice.body);
    // one mail job per address: quick to run, retried on its own; the key keeps a re-run of this
    // mail-out from queueing an address twice, and the deliveries are recorded once it is sent
    await sendMail({
      db: prisma,
      key: `notice:${noticeId}:${email}`,
      deliveries: { noticeId, subscriptionIds: mine.map((s) => s.id) },
      to: email,
      subject: t("notices:mail.noticeSubject", { title }),
      text: [
        title,
        "",
        body.length > 600 ? `${body.slice(0, 600)}…` : body,
        "",
        t("notices:mail.readMore", { link: `${base}/${notice.id}` }),
        "",
        t("notices:mail.unsubscribe", { link: unsubscribeLink }),
      ].join("\n"),
      headers: unsubscribeHeaders(unsubscribeLink),
    });
  }
  // residents who chose SMS for emergency notices in their community (account settings)
  await queueEmergencySms(prisma, {
    ...notice,
    communityIds: notice.targets.map((target) => target.communityId),
  });
};

const noticePublish: TJobHandler = async ({ db: prisma, payload, job }) => {
  // never before the time the job was scheduled for, even if this clock is a little behind
  await publishNotice({
    noticeId: ZNoticePayload.parse(payload).noticeId,
    now: new Date(Math.max(Date.now(), job.runAt.getTime())),
    db: prisma,
  });
};

/** At its expiry a notice leaves the list by itself (queries check the date); the rest catches up here. */
const noticeExpire: TJobHandler = async ({ db: prisma, payload }) => {
  const { noticeId } = ZNoticePayload.parse(payload);
  await noticeVisibilityChanged(prisma, noticeId);
  await writeAudit(prisma, {
    actorId: null,
    action: "notice.expire",
    entityType: "Notice",
    entityId: noticeId,
  });
};

/** An urgent notice without an end date leaves the home page's banner (bannerWithoutExpiryMs): the cached pages go. */
const noticeBannerEnds: TJobHandler = async () => {
  contentChanged();
};

/** The notice domain's background work, handed to the job runner at start-up (instrumentation.ts). */
export const noticeJobHandlers: TJobHandlers = {
  "notice.publish": noticePublish,
  "notice.expire": noticeExpire,
  "notice.bannerEnds": noticeBannerEnds,
  "notice.mail": noticeMail,
  "subscription.confirm": confirmMail,
};
