/**
 * The in-process copy of public pages. It is one per process (processWide) because proxy.ts and the
 * server code that calls `contentChanged` are bundled apart but run in one process.
 * Free of `server-only`: proxy.ts imports it.
 */
import { pageTtlMs } from "./pagePolicy";
import { newNonce } from "../http/securityHeaders";
import { processWide } from "../shared/processWide";

export type TRenderedPage = {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** where the body holds the fill's stand-in nonce, which each answer replaces with its own */
  nonceAt: number[];
  shareable: boolean;
};
type TEntry = { page: TRenderedPage; filledAt: number };
type TFill = { generation: number; promise: Promise<TRenderedPage> };
export type TPageStore = {
  generation: number;
  bytes: number;
  entries: Map<string, TEntry>;
  inflight: Map<string, TFill>;
  /** proves a request came from this process's own cache fill, so it is rendered, not looked up */
  fillToken: string;
  /**
   * The CSP nonce the cache's own renders are made with: secret to this process, so no content
   * can contain it, and replaced in every copy served by a nonce fresh for that answer.
   */
  nonceStandIn: string;
  limits: { entries: number; bytes: number; ttlMs: number };
};

/**
 * PAGE_CACHE_TTL_MS, or the policy's 60 s. Edits drop every instance's copies at once on PostgreSQL
 * (and on the one embedded instance), so the TTL only bounds staleness when an announcement is lost.
 * With a read replica (DATABASE_REPLICA_URL), 1 s: public pages read the replica, and a page
 * rendered just after an edit's announcement, before the replica has replayed the edit, would keep
 * the old content; only the TTL heals that, so it stays as short as the replica's lag.
 */
export function configuredTtlMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.PAGE_CACHE_TTL_MS);
  if (Number.isFinite(value) && value > 0) return value;
  return env.DATABASE_REPLICA_URL?.trim() ? replicaPageTtlMs : pageTtlMs;
}

/** The page TTL when public pages read a replica that may lag the primary. */
export const replicaPageTtlMs = 1000;

export function createPageStore(limits: Partial<TPageStore["limits"]> = {}): TPageStore {
  return {
    generation: 0,
    bytes: 0,
    entries: new Map(),
    inflight: new Map(),
    fillToken: crypto.randomUUID(),
    nonceStandIn: newNonce(),
    limits: { entries: 2000, bytes: 64 * 1024 * 1024, ttlMs: configuredTtlMs(), ...limits },
  };
}

/** The process's store, made on first use. */
export function pageStore(): TPageStore {
  return processWide("pageStore", () => createPageStore());
}

/**
 * How long past its TTL a copy is kept, to answer when its page fails to render (stale-if-error,
 * RFC 5861): the public pages stay readable through a database outage. An edit drops every copy
 * as before, so a copy kept this long is one nobody has changed since.
 */
export const staleIfErrorMs = 24 * 3600_000;

/** A copy rendered less than the TTL ago (counted from when its render began), or nothing. */
export function freshPage(store: TPageStore, key: string, now: number): TRenderedPage | null {
  const entry = store.entries.get(key);
  if (!entry) return null;
  const age = now - entry.filledAt;
  if (age < store.limits.ttlMs) return entry.page;
  if (age >= store.limits.ttlMs + staleIfErrorMs) drop(store, key);
  return null;
}

/** The copy at `key` even past its TTL (within staleIfErrorMs more), for when a fresh render fails; or nothing. */
export function stalePage(store: TPageStore, key: string, now: number): TRenderedPage | null {
  const entry = store.entries.get(key);
  return entry && now - entry.filledAt < store.limits.ttlMs + staleIfErrorMs ? entry.page : null;
}

/**
 * Whether the copy has lived past half its TTL: it is still served, but a fresh render starts
 * in the background so that busy pages are never waited for when the copy runs out.
 */
export function isAgeing(store: TPageStore, key: string, now: number): boolean {
  const entry = store.entries.get(key);
  return !!entry && now - entry.filledAt >= store.limits.ttlMs / 2 && !store.inflight.has(key);
}

/**
 * One render per key at a time: concurrent misses wait for the same one. A render that began
 * before the last `invalidatePages` is handed to its waiters but never stored.
 */
export async function renderOnce(
  store: TPageStore,
  key: string,
  render: () => Promise<TRenderedPage>,
  now: () => number,
): Promise<{ page: TRenderedPage; first: boolean }> {
  const running = store.inflight.get(key);
  if (running && running.generation === store.generation)
    return { page: await running.promise, first: false };
  const generation = store.generation;
  const startedAt = now();
  const promise = render();
  store.inflight.set(key, { generation, promise });
  try {
    const page = await promise;
    // a render begun before the last edit is handed to its waiters, and leaves the store alone
    if (generation === store.generation) {
      if (page.shareable) keep(store, key, { page, filledAt: startedAt });
      // the page answered, but not as a copy to keep (gone, moved, personal): the last copy, kept
      // for a failure, must not answer for it later
      else if (page.status < 500) drop(store, key);
    }
    return { page, first: true };
  } finally {
    if (store.inflight.get(key)?.promise === promise) store.inflight.delete(key);
  }
}

/** Forgets every copy and every render in progress: the next request renders afresh. */
export function invalidatePages(store: TPageStore): void {
  store.generation += 1;
  store.entries.clear();
  store.inflight.clear();
  store.bytes = 0;
}

function drop(store: TPageStore, key: string): void {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.bytes -= entry.page.body.byteLength;
  store.entries.delete(key);
}

/** Stores a copy; beyond the limits the oldest copies go first (Map keeps insertion order). */
function keep(store: TPageStore, key: string, entry: TEntry): void {
  drop(store, key);
  store.entries.set(key, entry);
  store.bytes += entry.page.body.byteLength;
  for (const oldest of store.entries.keys()) {
    if (store.entries.size <= store.limits.entries && store.bytes <= store.limits.bytes) break;
    drop(store, oldest);
  }
}
