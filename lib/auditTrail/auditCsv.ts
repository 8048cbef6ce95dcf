import "server-only";
import { getT } from "../i18n/server";
import { defaultLocale } from "../i18n/settings";
import { csvField } from "../shared/csv";
import { chinaDateTimeInput } from "../shared/chinaTime";
import type { TAuditRow } from "./queries";

const columns = [
  "id",
  "at",
  "person",
  "email",
  "action",
  "targetType",
  "target",
  "outcome",
  "ip",
  "detail",
] as const;

/**
 * The audit export as CSV text chunks: a header (with a BOM, so spreadsheet programs read the
 * Chinese), then each batch of rows. Every field goes through csvField, which neutralises
 * spreadsheet formulas: actions, names and details are partly typed by users.
 */
export async function* auditCsv(batches: AsyncIterable<TAuditRow[]>): AsyncGenerator<string> {
  const t = await getT(defaultLocale, "audit");
  yield `\uFEFF${columns.map((key) => csvField(t(`audit:column.${key}`))).join(",")}\r\n`;
  for await (const rows of batches) {
    yield rows
      .map((row) =>
        [
          row.id.toString(),
          chinaDateTimeInput(row.at).replace("T", " "),
          row.actor?.name ?? "",
          row.actor?.email ?? "",
          row.action,
          row.entityType,
          row.entityId ?? "",
          t(`audit:outcome.${row.outcome}`),
          row.ip ?? "",
          row.detail === null ? "" : JSON.stringify(row.detail),
        ]
          .map(csvField)
          .join(",")
          .concat("\r\n"),
      )
      .join("");
  }
}
