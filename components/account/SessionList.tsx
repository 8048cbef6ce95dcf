import type { TFunction } from "i18next";
import type { TSessionView } from "@/lib/auth/sessions";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { deviceOf } from "@/lib/auth/deviceName";
import { Table } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";

type Props = {
  sessions: TSessionView[];
  t: TFunction;
  locale: TLocale;
  /** ends the session named by the form's `handle` (or every one, with `everywhere`) */
  action: (formData: FormData) => Promise<void>;
};

/** "Chrome on Android" rather than the raw user agent; the raw text stays in a tooltip for support. */
function deviceLabel(t: TFunction, userAgent: string | null): string {
  const device = deviceOf(userAgent);
  return device ? t("account:sessions.deviceName", device) : t("account:sessions.unknownDevice");
}

/**
 * Where the person is signed in, with a way to end any one of those sessions, every other one
 * (keeping this one), or all at once.
 */
export function SessionList({ sessions, t, locale, action }: Props) {
  const endForm = (handle: string, label: string, variant: "secondary" | "warning") => (
    <form action={action}>
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="locale" value={locale} />
      <Button variant={variant}>{label}</Button>
    </form>
  );
  return (
    <div className="grid gap-4">
      <Table
        caption={t("account:sessions.caption")}
        rows={sessions}
        rowKey={(session) => session.handle}
        columns={[
          {
            key: "device",
            header: t("account:sessions.device"),
            cell: (session) => (
              <>
                <span title={session.userAgent ?? undefined}>{deviceLabel(t, session.userAgent)}</span>
                {session.current ? <strong className="block">{t("account:sessions.thisOne")}</strong> : null}
              </>
            ),
          },
          {
            key: "started",
            header: t("account:sessions.started"),
            cell: (session) => formatDate(locale, session.createdAt),
            nowrap: true,
          },
          {
            key: "lastUsed",
            header: t("account:sessions.lastUsed"),
            cell: (session) => formatDate(locale, session.lastSeenAt),
            nowrap: true,
          },
          {
            key: "end",
            header: t("account:sessions.end"),
            cell: (session) =>
              session.current ? null : endForm(session.handle, t("account:sessions.endOne"), "secondary"),
          },
        ]}
      />
      {sessions.some((session) => !session.current) ? (
        <>
          <p className="max-w-2xl">{t("account:sessions.othersIntro")}</p>
          {endForm("others", t("account:sessions.others"), "secondary")}
        </>
      ) : null}
      <p className="max-w-2xl">{t("account:sessions.everywhereIntro")}</p>
      {endForm("everywhere", t("account:sessions.everywhere"), "warning")}
    </div>
  );
}
