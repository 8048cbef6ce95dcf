import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { listOutbox } from "@/lib/notifications/queries";

export const generateMetadata = staffPageMetadata("notifications", "notifications:outboxTitle");

/** Every e-mail the portal sent: the development mailbox (administrators only). */
export default async function OutboxPage() {
  const actor = await requireStaff();
  const mails = await orNotFound(listOutbox({ actor }));
  const t = await getT(defaultLocale, "notifications");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notifications:outboxTitle")}</h1>
      <p>{t("notifications:outboxIntro")}</p>
      {mails.length === 0 ? <p>{t("notifications:outboxEmpty")}</p> : null}
      <ol className="grid gap-4">
        {mails.map((mail) => (
          <li key={mail.id} className="grid gap-1 border border-line p-4">
            <p className="font-bold">{mail.subject}</p>
            <p className="text-sm text-muted">
              {t("notifications:column.to")}
              {t("colon")}
              {mail.to} · {formatDate(defaultLocale, mail.createdAt)} ·{" "}
              {t(`notifications:state.${mail.sentAt ? "sent" : mail.error ? "failed" : "kept"}`)}
            </p>
            <pre className="font-sans text-sm whitespace-pre-wrap">{mail.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
