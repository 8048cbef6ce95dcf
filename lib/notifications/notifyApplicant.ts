import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { getT } from "../i18n/server";
import { lt } from "../i18n/content";
import { defaultLocale, isLocale } from "../i18n/settings";
import { queueMail } from "../mail/sendMail";

export function publicBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/**
 * Tells the applicant about a change to their case, in their language: an in-app notification
 * and an e-mail, queued (the request never waits for the SMTP server). A failure here is logged,
 * never undoes the change itself.
 */
export async function notifyApplicant(
  input: { trackingNumber: string; kind: string; reason?: string | null; missing?: string[] } & TDbOption,
): Promise<void> {
  try {
    const prisma = await clientOf(input);
    const found = await prisma.application.findUnique({
      where: { trackingNumber: input.trackingNumber },
      select: {
        status: true,
        trackingNumber: true,
        applicant: { select: { id: true, email: true, name: true, locale: true, closedAt: true } },
        service: { select: { name: true, nameEn: true } },
      },
    });
    // a closed account has nobody left to tell: its address is a placeholder, its notes erased
    if (!found || found.applicant.closedAt) return;
    const locale = isLocale(found.applicant.locale) ? found.applicant.locale : defaultLocale;
    const t = await getT(locale, ["notifications", "account"]);
    const values = {
      number: found.trackingNumber,
      service: lt(locale, found.service.name, found.service.nameEn),
      status: t(`account:caseStatus.${found.status}`),
      event: t(`account:event.${input.kind}`),
      name: found.applicant.name,
    };
    const link = `${publicBaseUrl()}/${locale}/account/cases/${found.trackingNumber}`;
    const title = t("notifications:caseTitle", values);
    const missing = input.missing?.length
      ? [
          t("notifications:missing"),
          ...input.missing.map((item, index) => `${index + 1}. ${lt(locale, item)}`),
        ].join("\n")
      : "";
    const body = [
      t("notifications:caseBody", values),
      input.reason ? t("notifications:reason", { reason: lt(locale, input.reason) }) : "",
      missing,
    ]
      .filter(Boolean)
      .join("\n");
    // the note in the app and the queued mail commit together: neither is lost without the other
    await prisma.$transaction(async (tx) => {
      await tx.notification.create({
        data: {
          userId: found.applicant.id,
          kind: `case.${input.kind}`,
          title,
          body,
          link: `/${locale}/account/cases/${found.trackingNumber}`,
        },
      });
      await queueMail(tx, {
        to: found.applicant.email,
        userId: found.applicant.id,
        subject: title,
        text: [
          t("notifications:greeting", values),
          "",
          body,
          "",
          t("notifications:link", { link }),
          "",
          t("notifications:footer"),
        ].join("\n"),
      });
    });
  } catch (error) {
    console.error("[notify] failed", input.trackingNumber, error);
  }
}
