import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { requireStaff } from "@/lib/auth/session";
import { listFollowUps } from "@/lib/cases/followUp";
import { SimpleForm } from "@/components/form/SimpleForm";
import { advanceFollowUpAction } from "./actions";

export const generateMetadata = staffPageMetadata("staff", "staff:followUps");

type TNote = { status: string; note: string; by: string; at: string };

/** 差评整改: each bad rating in the supervisor's departments, verified → fixed → called back → closed. */
export default async function FollowUpsPage() {
  const actor = await requireStaff();
  const locale = defaultLocale;
  const [t, items] = await Promise.all([
    getT(locale, ["staff", "account", "errors"]),
    listFollowUps({ actor }),
  ]);
  const messages = errorMessages(t, { staff: true });
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("staff:followUps")}</h1>
      <p>{t("staff:followUpsIntro")}</p>
      {items.length === 0 ? <p>{t("staff:noFollowUps")}</p> : null}
      {items.map((item) => {
        const status = item.followUpStatus ?? "OPEN";
        const notes = (item.followUpNotes as TNote[] | null) ?? [];
        return (
          <section
            key={item.id}
            aria-labelledby={`f-${item.id}`}
            className="grid gap-2 border border-line p-4"
          >
            <h2 id={`f-${item.id}`} className="text-lg font-bold">
              <Link href={`/staff/cases/${item.application.trackingNumber}`}>
                {item.application.trackingNumber}
              </Link>{" "}
              · {item.application.service.name}
            </h2>
            <dl className="grid gap-1 md:grid-cols-[8rem_1fr]">
              <dt className="font-bold">{t("staff:ratingLevel")}</dt>
              <dd>{t(`account:rating.${item.level}`)}</dd>
              <dt className="font-bold">{t("staff:ratingComment")}</dt>
              <dd>{item.comment ?? ""}</dd>
              <dt className="font-bold">{t("account:status")}</dt>
              <dd>
                <strong>{t(`staff:followUpStatus.${status}`)}</strong>
              </dd>
              <dt className="font-bold">{t("staff:followUpDue")}</dt>
              <dd>{formatDay(locale, item.followUpDue)}</dd>
            </dl>
            {notes.length ? (
              <ol className="ml-6 list-decimal">
                {notes.map((note, index) => (
                  <li key={index}>
                    {t(`staff:followUpStatus.${note.status}`)} · {note.note} · {note.by} ·{" "}
                    {formatDate(locale, new Date(note.at))}
                  </li>
                ))}
              </ol>
            ) : null}
            {status in { OPEN: 1, VERIFIED: 1, FIXED: 1, CALLED_BACK: 1, APPEALED: 1 } ? (
              <SimpleForm
                idPrefix={`f-${item.id}`}
                action={advanceFollowUpAction}
                hidden={{ trackingNumber: item.application.trackingNumber }}
                fields={[{ name: "note", type: "textarea", label: t("staff:followUpNote") }]}
                submitLabel={t(`staff:followUpNext.${status}`)}
                messages={messages}
                errorTitle={t("errors:summaryTitle")}
              />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
