import { getT, pageMetadata, type TLocaleProps } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { letterFigures } from "@/lib/letters/figures";
import { PageHeading } from "@/components/ui/PageHeading";
import { Table } from "@/components/ui/Table";

export const generateMetadata = pageMetadata("letters", "letters:figuresTitle");

/** The monthly figures per mailbox, as a table and as CSV. */
export default async function LetterFiguresPage({ params }: TLocaleProps) {
  const locale = await localeParam(params);
  const [t, { rows, departments }] = await Promise.all([getT(locale, ["letters"]), letterFigures()]);
  const names = new Map(departments.map((d) => [d.code, lt(locale, d.name, d.nameEn)]));
  const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");
  // the city's months for the chart: every mailbox added up, oldest first
  const months = [...new Set(rows.map((r) => r.month))].sort().map((month) => {
    const of = rows.filter((r) => r.month === month);
    const sum = (key: "received" | "repliedOnTime") => of.reduce((n, r) => n + r[key], 0);
    return { month, received: sum("received"), onTime: sum("repliedOnTime") };
  });
  const most = Math.max(1, ...months.map((m) => m.received));
  return (
    <div className="grid gap-6">
      <PageHeading title={t("letters:figuresTitle")} intro={t("letters:figuresIntro")} />
      <p>
        <a href={`/${locale}/letters/figures.csv`} download>
          {t("letters:figuresCsv")}
        </a>
      </p>
      <figure className="grid gap-2">
        <figcaption className="font-bold">{t("letters:chartTitle")}</figcaption>
        <p className="text-sm text-muted">{t("letters:chartLegend")}</p>
        <ul className="grid gap-1">
          {months.map((m) => (
            <li key={m.month} className="grid grid-cols-[5rem_1fr] items-center gap-2 text-sm">
              <span>{m.month}</span>
              {/* SVG attributes, not style attributes: the content security policy allows no inline styles */}
              <svg
                className="h-5 w-full"
                role="img"
                aria-label={t("letters:chartBar", { received: m.received, onTime: m.onTime })}
              >
                <rect width="100%" height="100%" className="fill-panel" />
                <rect width={`${(m.received / most) * 100}%`} height="100%" className="fill-line" />
                <rect width={`${(m.onTime / most) * 100}%`} height="100%" className="fill-brand" />
              </svg>
            </li>
          ))}
        </ul>
      </figure>
      <Table
        dense
        caption={t("letters:figuresTitle")}
        rows={rows}
        rowKey={(row) => `${row.month}-${row.mailbox ?? ""}`}
        headers={(key) => t(`letters:column.${key}`)}
        columns={[
          { key: "month", cell: (row) => row.month },
          {
            key: "mailbox",
            cell: (row) =>
              row.mailbox ? (names.get(row.mailbox) ?? row.mailbox) : t("letters:mayorMailbox"),
          },
          { key: "received", cell: (row) => row.received },
          { key: "accepted", cell: (row) => row.accepted },
          { key: "forwarded", cell: (row) => row.forwarded },
          { key: "replied", cell: (row) => row.replied },
          { key: "repliedOnTime", cell: (row) => row.repliedOnTime },
          { key: "averageWorkingDays", cell: (row) => row.averageWorkingDays ?? "—" },
          { key: "rated", cell: (row) => row.rated },
          { key: "satisfaction", cell: (row) => percent(row.satisfied, row.rated) },
        ]}
      />
    </div>
  );
}
