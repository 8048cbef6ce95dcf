import { processWide } from "../shared/processWide";

/** One read a second at most per kept table: cheap, and what a lost announcement can leave stale. */
const keptReadTtlMs = 1000;

type TKept = { at: number; generation: number; value: Promise<unknown> };
type TKeptReads = { generation: number; entries: Map<string, TKept> };

const kept = () => processWide("keptReads", (): TKeptReads => ({ generation: 0, entries: new Map() }));

/**
 * A read of a small table that most pages need and that rarely changes (the site settings, the
 * place tree, the departments), kept in the process for a second. A signed-in page is never cached
 * whole, so without this every one of them read each again: on the embedded database each read is
 * a round trip through its one connection. A change made in this process drops them at once
 * (dropKeptReads, called by the writers and by contentChanged); one made by another instance drops
 * them by the announcement that drops the page cache's copies, or within the second. Readers that
 * pass their own client (a transaction, a test's database) read it themselves.
 */
export function keptRead<T>(name: string, read: () => Promise<T>, ttlMs = keptReadTtlMs): () => Promise<T> {
  return () => {
    const store = kept();
    const now = Date.now();
    const entry = store.entries.get(name);
    if (entry && entry.generation === store.generation && now - entry.at < ttlMs)
      return entry.value as Promise<T>;
    const value = read();
    const fresh: TKept = { at: now, generation: store.generation, value };
    store.entries.set(name, fresh);
    // a failed read is not kept: the next request reads again
    value.catch(() => {
      if (store.entries.get(name) === fresh) store.entries.delete(name);
    });
    return value;
  };
}

/** Drops every kept read: the next asks the database (a read already under way is not kept). */
export function dropKeptReads(): void {
  const store = kept();
  store.generation++;
  store.entries.clear();
}
