import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";
import type { TSessionUser } from "@/lib/auth/types";
import { unconfirmedRequests } from "@/lib/disclosure/requestQueries";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { Section } from "../ui/Section";

/**
 * 依申请公开 requests still unconfirmed a working day after they were submitted, for the
 * officers' queue and the supervisor's page (nothing when there are none).
 */
export async function UnconfirmedRequests({ actor, t }: { actor: TSessionUser; t: TFunction }) {
  const rows = await unconfirmedRequests({ actor });
  if (!rows.length) return null;
  return (
    <Section id="unconfirmed" title={t("disclosure:staff.unconfirmedTitle", { count: rows.length })}>
      <p>{t("disclosure:staff.unconfirmedIntro")}</p>
      <ul className="ml-6 list-disc">
        {rows.map((row) => (
          <li key={row.trackingNumber}>
            <Link href={`/staff/requests/${row.trackingNumber}`}>{row.trackingNumber}</Link> ·{" "}
            {row.requesterName} · {row.department.shortName} · {formatDate(defaultLocale, row.createdAt)}
          </li>
        ))}
      </ul>
    </Section>
  );
}
