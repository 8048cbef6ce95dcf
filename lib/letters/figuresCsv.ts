import { csvField } from "../shared/csv";
import type { TLetterFigures } from "./tally";

/** The figures as CSV with a byte order mark, so spreadsheet programs read the Chinese headers. */
export function letterFiguresCsv(
  rows: TLetterFigures[],
  headers: string[],
  mailboxName: (code: string | null) => string,
) {
  const lines = [
    headers,
    ...rows.map((r) => [
      r.month,
      mailboxName(r.mailbox),
      String(r.received),
      String(r.accepted),
      String(r.forwarded),
      String(r.replied),
      String(r.repliedOnTime),
      r.averageWorkingDays === null ? "" : String(r.averageWorkingDays),
      String(r.rated),
      String(r.satisfied),
    ]),
  ];
  return "\uFEFF" + lines.map((cells) => cells.map(csvField).join(",")).join("\r\n") + "\r\n";
}
