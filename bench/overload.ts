/**
 * A deadline day: far more visitors at once than the server can render for. The slowest signed-in
 * page (the staff queue) is asked by many connections at once, each asking again as soon as it is
 * answered; every answer is timed by its status. The server should render what it can and turn
 * the rest away at once with 503 and Retry-After (lib/http/renderSlots.ts), so that every visitor
 * has an answer within the queue's wait and a render, and none is left to time out.
 */
import { clientHeaders } from "./measure";
import { latencySummary, type TLatency } from "./stats";
import { settle, type TSignedInPage } from "./sessions";

/** The connections and seconds of the overload: about thirty times what the staff queue renders a second. */
export const overloadLoad = { connections: 1000, duration: 30 };

/**
 * What a visitor should see: an answer, rendered or busy, within the server's queue wait (10 s,
 * RENDER_QUEUE_WAIT_MS) and a render under load.
 */
export const overloadTarget = { maxMs: 12_000 };

/** How long a request may take before the bench counts it as never answered. */
const defaultGivenUpAfterMs = 60_000;

export type TOverload = {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  /** 200: the page, and how many a second */
  served: TLatency & { rps: number };
  /** 503 with Retry-After */
  turnedAway: TLatency;
  /** any other status (a redirect, a 500…) */
  otherStatuses: Record<string, number>;
  /** no answer: the connection failed or the bench gave up waiting */
  failed: number;
  /**
   * Every answer (rendered or turned away) by turn: each connection's first, whose time includes
   * opening the connection while a thousand others open too, and the later ones, on a connection
   * kept alive
   */
  byTurn: { first: TLatency; later: TLatency };
  met: boolean;
};

export async function measureOverload(
  base: string,
  page: Pick<TSignedInPage, "name" | "path" | "cookie">,
  options: { connections: number; duration: number; givenUpAfterMs?: number },
): Promise<TOverload> {
  const givenUpAfterMs = options.givenUpAfterMs ?? defaultGivenUpAfterMs;
  // what the last load left in the queue would be counted here otherwise
  await settle(base);
  const served: number[] = [];
  const turnedAway: number[] = [];
  const otherStatuses: Record<string, number> = {};
  const byTurn = { first: [] as number[], later: [] as number[] };
  let failed = 0;
  const started = performance.now();
  const until = started + options.duration * 1000;
  const visitor = async () => {
    for (let turn = 0; performance.now() < until; turn++) {
      const sent = performance.now();
      try {
        const response = await fetch(`${base}${page.path}`, {
          headers: { cookie: page.cookie, ...clientHeaders() },
          redirect: "manual",
          signal: AbortSignal.timeout(givenUpAfterMs),
        });
        await response.arrayBuffer();
        const ms = performance.now() - sent;
        const busy = response.status === 503 && response.headers.get("retry-after") !== null;
        if (response.status === 200) served.push(ms);
        else if (busy) turnedAway.push(ms);
        else otherStatuses[response.status] = (otherStatuses[response.status] ?? 0) + 1;
        if (response.status === 200 || busy) (turn === 0 ? byTurn.first : byTurn.later).push(ms);
      } catch {
        failed++;
        // a server that is down fails at once: do not spin
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, visitor));
  const seconds = (performance.now() - started) / 1000;
  const result = {
    name: page.name,
    path: page.path,
    connections: options.connections,
    seconds,
    served: { ...latencySummary(served), rps: served.length / seconds },
    turnedAway: latencySummary(turnedAway),
    otherStatuses,
    failed,
    byTurn: { first: latencySummary(byTurn.first), later: latencySummary(byTurn.later) },
  };
  const slowest = Math.max(result.served.max || 0, result.turnedAway.max || 0);
  return {
    ...result,
    met:
      failed === 0 &&
      Object.keys(otherStatuses).length === 0 &&
      served.length > 0 &&
      slowest < overloadTarget.maxMs,
  };
}
