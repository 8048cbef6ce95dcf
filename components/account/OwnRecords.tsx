import { renderLocale } from "@/lib/i18n/request";
import { getT } from "@/lib/i18n/server";
import { keyColumn, Table, type TColumn } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";
import { Pagination } from "@/components/ui/Pagination";

// each kind of record: its section's heading and what it says when there are none
const kinds = {
  cases: { title: "account:cases", empty: "account:noCases" },
  requests: { title: "account:requests", empty: "account:noRequests" },
};

type Props<R> = {
  /** the records' pages are /account/<kind>/<tracking number>; the section's id is the kind */
  kind: keyof typeof kinds;
  rows: R[];
  /** the columns after the tracking number; headed `account:<key>` unless a column has its own */
  columns: TColumn<R>[];
  /** a list shown a page at a time: which page this is, of how many (`?<kind>Page=N` on the account page) */
  paging?: { page: number; pages: number; more: boolean };
};

/**
 * One kind of the citizen's own records on the account page, in the page's language: each row named
 * by its tracking number, linked to the record's own page.
 */
export async function OwnRecords<R extends { trackingNumber: string }>({
  kind,
  rows,
  columns,
  paging,
}: Props<R>) {
  const locale = renderLocale();
  const t = await getT(locale, "account");
  return (
    <Section id={kind} title={t(kinds[kind].title)}>
      <Table
        rows={rows}
        rowKey={(row) => row.trackingNumber}
        empty={t(kinds[kind].empty)}
        headers={(key) => t(`account:${key}`)}
        columns={[keyColumn({ key: "trackingNumber", base: `/${locale}/account/${kind}` }), ...columns]}
      />
      {paging ? (
        <Pagination
          t={t}
          page={paging.page}
          pages={paging.pages}
          more={paging.more}
          hrefFor={(page) => `/${locale}/account${page > 1 ? `?${kind}Page=${page}` : ""}#${kind}`}
        />
      ) : null}
    </Section>
  );
}
