import "server-only";
import type { Prisma } from "./generated/client";
import { readPage } from "../shared/paging";

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
