/**
 * The limits proxy.ts applies before a page is rendered, so that a page over a limit can answer
 * 429 with Retry-After (a page cannot set its own status once rendering starts). The proxy is
 * bundled apart from the server code and may not import what reads the database; the server
 * registers the implementation at start (instrumentation.ts) on `globalThis`, as both run in one
 * process. Free of `server-only`: proxy.ts imports it.
 */

export type TPageGate = {
  /** a 查询码 lookup from `address` for `trackingNumber`: seconds to wait, or 0 (nothing is counted) */
  accessCode(input: { trackingNumber: string; address: string }): Promise<number>;
  /** one search from `address`, counted: seconds to wait, or 0 */
  search(input: { address: string }): Promise<number>;
  /** before the server stops: the load limits' counts still in memory go to the shared table */
  beforeStop(): Promise<void>;
};

const holder = globalThis as unknown as { __onestopPageGate?: TPageGate };

export function registerPageGate(gate: TPageGate): void {
  holder.__onestopPageGate = gate;
}

/** The registered gate; without one (the server has not started yet) nothing is limited here. */
export function pageGate(): TPageGate | null {
  return holder.__onestopPageGate ?? null;
}
