import { getT } from "../i18n/server";
import { defaultLocale } from "../i18n/settings";
import type { TDueFlag } from "../calendar/dueFlag";
import { csvField } from "../shared/csv";
import { chinaDateTimeInput } from "../shared/chinaTime";

type TRow = {
  trackingNumber: string;
  status: string;
  submittedAt: Date;
  promisedDue: Date | null;
  flag: TDueFlag;
  service: { code: string; name: string };
  applicant: { name: string };
  assignee: { name: string } | null;
};

/** A moment as China time, YYYY-MM-DD HH:mm. */
const chinaTime = (moment: Date) => chinaDateTimeInput(moment).slice(0, 16).replace("T", " ");

export async function queueCsv(rows: TRow[]): Promise<string> {
  const t = await getT(defaultLocale, ["staff", "account"]);
  const header = [
    "trackingNumber",
    "serviceCode",
    "service",
    "applicant",
    "status",
    "submitted",
    "due",
    "flag",
    "assignee",
  ].map((key) => t(`staff:csv.${key}`));
  const lines = rows.map((row) =>
    [
      row.trackingNumber,
      row.service.code,
      row.service.name,
      row.applicant.name,
      t(`account:caseStatus.${row.status}`),
      chinaTime(row.submittedAt),
      row.promisedDue ? row.promisedDue.toISOString().slice(0, 10) : "",
      row.flag ? t(`staff:due.${row.flag}`) : "",
      row.assignee?.name ?? "",
    ]
      .map(csvField)
      .join(","),
  );
  return `\uFEFF${[header.map(csvField).join(","), ...lines].join("\r\n")}\r\n`;
}
