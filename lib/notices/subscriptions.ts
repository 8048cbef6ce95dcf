import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { clientAddress } from "../http/clientAddress";
import { countAttempt } from "../throttle/throttle";
import { clientOf, type TDbOption } from "../db/client";
import { FormError } from "../shared/errors";
import { enqueueJob } from "../jobs/queue";
import type { TFunction } from "i18next";
import { defaultLocale, isLocale, locales } from "../i18n/settings";
import { lt } from "../i18n/content";
import { noticeCategories } from "./categories";
import { ZEmail } from "../auth/schema";

export const ZSubscribe = z.object({
  email: ZEmail,
  community: z.union([z.literal(""), z.string().regex(/^\d{6,15}$/, "choose")]).default(""),
  category: z.union([z.literal(""), z.enum(noticeCategories, { message: "choose" })]).default(""),
  locale: z.enum(locales),
});
export type TSubscribe = z.infer<typeof ZSubscribe>;

/** More confirmation mails than this to one address in an hour are refused (no mail bombing). */
const confirmationsPerHour = 5;

const newToken = () => randomBytes(24).toString("base64url");

/**
 * Starts a subscription (double opt-in): stores it unconfirmed with a fresh secret and queues
 * the confirmation mail. Asking again for a confirmed, active subscription changes nothing; one
 * that was unsubscribed must be confirmed again.
 */
export async function subscribe(input: TSubscribe & TDbOption): Promise<{ queued: boolean }> {
  const prisma = await clientOf(input);
  // requests from one client address are limited (TooManyRequestsError), whatever address they name
  await countAttempt({ limit: "subscribe", key: (await clientAddress()) ?? "unknown", db: prisma });
  const community = input.community
    ? await prisma.community.findUnique({ where: { code: input.community }, select: { id: true } })
    : null;
  if (input.community && !community) throw new FormError("choose", "community");
  const key = `${input.email}|${input.community || "*"}|${input.category || "*"}`;
  const existing = await prisma.subscription.findUnique({ where: { key } });
  if (existing?.confirmedAt && !existing.unsubscribedAt) return { queued: false };
  const data = {
    token: newToken(),
    locale: input.locale,
    confirmedAt: null,
    unsubscribedAt: null,
    createdAt: new Date(),
  };
  await prisma.$transaction(async (tx) => {
    // the limit counts mails to the address, whatever row they were for; requests for one address
    // take turns here, so a burst cannot slip past the count
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`subscribe:${input.email}`}, 0))`;
    const sent = await tx.job.count({
      where: {
        kind: "subscription.confirm",
        createdAt: { gt: new Date(Date.now() - 3600_000) },
        payload: { path: ["email"], equals: input.email },
      },
    });
    if (sent >= confirmationsPerHour) throw new FormError("tooManyRequests");
    const subscription = await tx.subscription.upsert({
      where: { key },
      create: {
        key,
        email: input.email,
        communityId: community?.id ?? null,
        category: input.category || null,
        ...data,
      },
      update: data,
    });
    await enqueueJob(tx, {
      kind: "subscription.confirm",
      payload: { subscriptionId: subscription.id, token: subscription.token, email: input.email },
    });
  });
  return { queued: true };
}

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

/** The subscription a link's secret belongs to, or null. */
export async function subscriptionByToken(input: { token: string } & TDbOption) {
  if (!ZToken.safeParse(input.token).success) return null;
  return (await clientOf(input)).subscription.findUnique({
    where: { token: input.token },
    include: { community: { select: { code: true, name: true, nameEn: true } } },
  });
}

/** Confirms by the link in the confirmation mail; true when the subscription is now active. */
export async function confirmSubscription(input: { token: string } & TDbOption): Promise<boolean> {
  const prisma = await clientOf(input);
  const found = await subscriptionByToken({ db: prisma, token: input.token });
  if (!found || found.unsubscribedAt) return false;
  if (!found.confirmedAt)
    await prisma.subscription.update({ where: { id: found.id }, data: { confirmedAt: new Date() } });
  return true;
}

/** Ends a subscription by the link in any of its mails (one click, no sign-in); idempotent. */
export async function unsubscribe(input: { token: string } & TDbOption): Promise<boolean> {
  const prisma = await clientOf(input);
  const found = await subscriptionByToken({ db: prisma, token: input.token });
  if (!found) return false;
  if (!found.unsubscribedAt)
    await prisma.subscription.update({ where: { id: found.id }, data: { unsubscribedAt: new Date() } });
  return true;
}

/** What a subscription is for, in words ("和平街社区的“停水停电”公告"), for its mails and pages. */
export function describeSubscription(
  t: TFunction,
  locale: string,
  subscription: { category: string | null; community: { name: string; nameEn: string } | null },
): string {
  const place = subscription.community
    ? lt(
        isLocale(locale) ? locale : defaultLocale,
        subscription.community.name,
        subscription.community.nameEn,
      )
    : t("notices:subscribe.allCommunities");
  const category = subscription.category
    ? t(`catalog:noticeCategory.${subscription.category}`)
    : t("notices:subscribe.allCategories");
  return t("notices:subscribe.what", { place, category });
}
