import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { lt } from "@/lib/i18n/content";
import { letterFigures } from "@/lib/letters/figures";
import { letterFiguresCsv } from "@/lib/letters/figuresCsv";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

const columns = [
  "month",
  "mailbox",
  "received",
  "accepted",
  "forwarded",
  "replied",
  "repliedOnTime",
  "averageWorkingDays",
  "rated",
  "satisfied",
];

/** The monthly letter figures as CSV, headed in the page's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const [t, { rows, departments }] = await Promise.all([getT(locale, ["letters"]), letterFigures()]);
  const names = new Map(departments.map((d) => [d.code, lt(locale, d.name, d.nameEn)]));
  const csv = letterFiguresCsv(
    rows,
    columns.map((key) => t(`letters:column.${key}`)),
    (code) => (code ? (names.get(code) ?? code) : t("letters:mayorMailbox")),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", "letter-figures.csv"),
    },
  });
}
