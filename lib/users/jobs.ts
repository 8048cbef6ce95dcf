import "server-only";
import { z } from "zod";
import type { TJobHandler, TJobHandlers } from "../jobs/queue";
import { sendMail } from "../mail/sendMail";
import { getT } from "../i18n/server";
import { defaultLocale, isLocale } from "../i18n/settings";
import { publicBaseUrl } from "../notifications/notifyApplicant";
import { registrationMailJob } from "./registerCitizen";

const ZRegistrationMail = z.object({
  email: z.string().min(1),
  locale: z.string(),
  kind: z.enum(["confirm", "taken"]),
  token: z.string().optional(),
});

/**
 * The one mail a registration sends, to the address typed: the confirmation link for a new
 * account, or, when the address already has an account, word that someone tried to register
 * with it (the form said only "check your mail", whichever it was).
 */
const registrationMail: TJobHandler = async ({ db, payload }) => {
  const mail = ZRegistrationMail.parse(payload);
  const locale = isLocale(mail.locale) ? mail.locale : defaultLocale;
  const t = await getT(locale, ["auth"]);
  const base = publicBaseUrl();
  const text =
    mail.kind === "confirm"
      ? [
          t("auth:mail.confirmIntro"),
          "",
          `${base}/${locale}/register/confirm?token=${mail.token}`,
          "",
          t("auth:mail.notYou"),
        ]
      : [t("auth:mail.takenIntro"), "", `${base}/${locale}/sign-in`, "", t("auth:mail.takenNotYou")];
  await sendMail({
    db,
    to: mail.email,
    subject: t(mail.kind === "confirm" ? "auth:mail.confirmSubject" : "auth:mail.takenSubject"),
    text: text.join("\n"),
  });
};

export const userJobHandlers: TJobHandlers = { [registrationMailJob]: registrationMail };
