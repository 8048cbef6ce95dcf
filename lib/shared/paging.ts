import type { Prisma } from "../db/generated/client";

/** A page of a list: the page asked for, held inside 1…pages, and the rows to skip. */
export type TPage = { page: number; pages: number; skip: number; take: number };

/**
 * Where a page of `total` rows starts, `size` to a page. A page past the end shows the last
 * one, and an empty list still has one (empty) page, so links never lead nowhere.
 */
export function pageOf(total: number, size: number, requested: number | undefined): TPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1) || 1), pages);
  return { page, pages, skip: (page - 1) * size, take: size };
}

/**
 * One page of a list read from the database: the rows are counted first, so the page asked for is
 * held inside the list (`pageOf`), then only that page's rows are read.
 *
 * With `pagesAhead`, the count stops `pagesAhead` pages past the one asked for (`count` is given
 * that many rows plus one as its limit): a list of 150,000 rows is not read whole to print "page 1
 * of 7,500". `more` then says the list goes on past the last page counted, `pages` is the least
 * number of pages there are, and a page asked for is never cut back (the count always reaches it).
 *
 * With `maxPage` no page past it is read (a page asked for beyond it shows that one): reaching
 * page N reads N pages' worth of the index, so `?page=1000000` must not make one request walk a
 * million-case table. `capped` then says the list goes on where no page reaches.
 */
export async function readPage<TRow>(input: {
  size: number;
  requested: number | undefined;
  count: (limit?: number) => Promise<number>;
  rows: (window: { skip: number; take: number }) => Promise<TRow[]>;
  pagesAhead?: number;
  maxPage?: number;
}): Promise<{ total: number; page: TPage; rows: TRow[]; more: boolean; capped: boolean }> {
  const maxPage = input.maxPage ?? Infinity;
  const requested = Math.min(Math.max(1, Math.floor(input.requested ?? 1) || 1), maxPage);
  // one row past the last page counted tells whether the list goes on
  const limit =
    input.pagesAhead === undefined
      ? undefined
      : (requested + Math.min(input.pagesAhead, maxPage - requested)) * input.size + 1;
  const total = await input.count(limit);
  const more = limit !== undefined && total >= limit;
  const reachable = Math.min(total, maxPage * input.size);
  const capped = reachable < total;
  const page = pageOf(reachable, input.size, requested);
  return { total, page, rows: await input.rows({ skip: page.skip, take: page.take }), more, capped };
}

/** A table of the client (`prisma.letter`, `prisma.user`, …), as far as a page of it is read. */
type TTable = {
  count(args: { where: never }): PromiseLike<number>;
  findMany(args: never): PromiseLike<unknown[]>;
};

/**
 * One page of a table (readPage): the rows `query` picks (its where, order and select, as
 * findMany takes them) are counted, then only the page's rows are read, typed as findMany types them.
 */
export async function readTablePage<T extends TTable, TQuery>(input: {
  table: T;
  query: Prisma.Exact<TQuery, Prisma.Args<T, "findMany">>;
  size: number;
  requested: number | undefined;
}) {
  type TRow = Prisma.Result<T, TQuery, "findMany">[number];
  // the client's methods are generic in their arguments: called here through their plain shape
  const table = input.table as unknown as {
    count(args: { where: unknown }): Promise<number>;
    findMany(args: object): Promise<TRow[]>;
  };
  const query = input.query as { where?: unknown };
  return readPage({
    size: input.size,
    requested: input.requested,
    count: () => table.count({ where: query.where }),
    rows: (window) => table.findMany({ ...query, ...window }),
  });
}
