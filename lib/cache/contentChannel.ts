import { randomUUID } from "node:crypto";
import pg from "pg";

/** The PostgreSQL channel on which instances tell one another that public content changed. */
const channel = "onestop_content";
const holderKey = Symbol.for("onestop.contentChannel");

export type TContentChannel = {
  /** tells every other instance listening on the database (fire and forget) */
  announce: () => void;
  close: () => Promise<void>;
};

type THolder = Record<symbol, TContentChannel | undefined>;

/** Tells the other instances, if this process has a channel (PostgreSQL); the embedded database has none. */
export function announceContentChange(): void {
  (globalThis as unknown as THolder)[holderKey]?.announce();
}

/**
 * Listens for content changes made by other instances on one PostgreSQL database, and announces
 * this one's: `LISTEN` on a connection of its own (a pooled connection would lose it), so every
 * instance drops its cached pages the moment an edit commits anywhere, instead of serving its
 * copy until the page TTL runs out. A lost connection is opened again with a growing delay;
 * announcements made meanwhile are lost, so `onChange` also runs on every reconnect. The URL
 * should reach the server itself: a pooler in transaction mode does not keep a LISTEN.
 */
export function openContentChannel(input: { url: string; onChange: () => void }): TContentChannel {
  const self = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let delayMs = 500;
  let retry: NodeJS.Timeout | undefined;
  // a change made while this instance had no connection (still connecting, or reconnecting), or
  // whose NOTIFY failed: announced as soon as a connection is open, or the others would keep their
  // copies for the whole page TTL
  let unannounced = false;
  const notify = () => {
    const open = client;
    if (!open) {
      unannounced = true;
      return;
    }
    unannounced = false;
    open.query("SELECT pg_notify($1, $2)", [channel, self]).catch((error: unknown) => {
      unannounced = true;
      console.warn(`[cache] content change not announced yet: ${String(error)}`);
    });
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: input.url });
    let gone = false;
    // "error" and "end" may both come for one lost connection: one reconnect
    const lost = (error?: unknown) => {
      if (gone) return;
      gone = true;
      if (client === next) client = null;
      next.removeAllListeners();
      next.on("error", () => {});
      void next.end().catch(() => {});
      if (closed) return;
      if (error) console.warn(`[cache] content channel lost (${String(error)}); reconnecting`);
      retry = setTimeout(() => void connect(), delayMs);
      retry.unref();
      delayMs = Math.min(delayMs * 2, 30_000);
    };
    next.on("error", lost);
    next.on("end", () => lost());
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== self) input.onChange();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(error);
      return;
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    delayMs = 500;
    // whatever was announced while no connection listened
    input.onChange();
    if (unannounced) notify();
  };
  void connect();

  return {
    announce: notify,
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      open?.removeAllListeners();
      await open?.end().catch(() => {});
    },
  };
}

/** Opens this process's channel, through which announceContentChange() speaks. */
export function startContentChannel(input: { url: string; onChange: () => void }): TContentChannel {
  const holder = globalThis as unknown as THolder;
  holder[holderKey] ??= openContentChannel(input);
  return holder[holderKey];
}
