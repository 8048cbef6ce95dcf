import { describe, expect, it } from "vitest";
import { pageTtlMs } from "./pagePolicy";
import {
  configuredTtlMs,
  replicaPageTtlMs,
  createPageStore,
  freshPage,
  invalidatePages,
  isAgeing,
  renderOnce,
  staleIfErrorMs,
  stalePage,
  type TRenderedPage,
} from "./pageStore";

const page = (text: string, shareable = true): TRenderedPage => ({
  status: 200,
  headers: [["content-type", "text/html"]],
  body: new TextEncoder().encode(text),
  nonceAt: [],
  shareable,
});
/** Stores `text` at key "k" as rendered at time 0. */
const fillAtZero = (store: ReturnType<typeof createPageStore>, text: string) =>
  renderOnce(
    store,
    "k",
    async () => page(text),
    () => 0,
  );
const deferred = () => {
  let resolve!: (value: TRenderedPage) => void;
  const promise = new Promise<TRenderedPage>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the in-process page store", () => {
  it("keeps a page for less than the TTL, counted from when its render began", async () => {
    const store = createPageStore({ ttlMs: 1000 });
    let clock = 0;
    const pending = renderOnce(
      store,
      "k",
      async () => ((clock = 400), page("v1")),
      () => clock,
    );
    await pending;
    expect(freshPage(store, "k", 999)).not.toBeNull();
    expect(freshPage(store, "k", 1000)).toBeNull();
  });

  it("keeps a copy past its TTL only for a failed render, and for staleIfErrorMs more at most", async () => {
    const store = createPageStore({ ttlMs: 1000 });
    await fillAtZero(store, "v1");
    expect(stalePage(store, "k", 500)).not.toBeNull();
    expect(freshPage(store, "k", 1000)).toBeNull();
    expect(new TextDecoder().decode(stalePage(store, "k", 1000)?.body)).toBe("v1");
    expect(stalePage(store, "k", 1000 + staleIfErrorMs - 1)).not.toBeNull();
    expect(stalePage(store, "k", 1000 + staleIfErrorMs)).toBeNull();
    // a look-up past that forgets it, and its bytes
    expect(freshPage(store, "k", 1000 + staleIfErrorMs)).toBeNull();
    expect(store.entries.size).toBe(0);
    expect(store.bytes).toBe(0);
    // an edit forgets the copies kept for failures too
    await fillAtZero(store, "v2");
    invalidatePages(store);
    expect(stalePage(store, "k", 1000)).toBeNull();
    // a page that now answers as nothing to keep (withdrawn: 404) forgets its last copy; a failure does not
    await fillAtZero(store, "v3");
    await renderOnce(
      store,
      "k",
      async () => ({ ...page("failed", false), status: 500 }),
      () => 2000,
    );
    expect(stalePage(store, "k", 2000)).not.toBeNull();
    await renderOnce(
      store,
      "k",
      async () => ({ ...page("gone", false), status: 404 }),
      () => 2000,
    );
    expect(stalePage(store, "k", 2000)).toBeNull();
  });

  it("asks for a refresh once past half the TTL, unless one is under way", async () => {
    const store = createPageStore({ ttlMs: 1000 });
    await fillAtZero(store, "v1");
    expect(isAgeing(store, "k", 499)).toBe(false);
    expect(isAgeing(store, "k", 500)).toBe(true);
    const gate = deferred();
    const refresh = renderOnce(
      store,
      "k",
      () => gate.promise,
      () => 500,
    );
    expect(isAgeing(store, "k", 600)).toBe(false);
    expect(new TextDecoder().decode(freshPage(store, "k", 600)!.body)).toBe("v1");
    gate.resolve(page("v2"));
    await refresh;
    expect(new TextDecoder().decode(freshPage(store, "k", 1400)!.body)).toBe("v2");
    expect(isAgeing(store, "k", 600)).toBe(false);
  });

  it("renders once for concurrent misses", async () => {
    const store = createPageStore();
    const gate = deferred();
    let renders = 0;
    const render = () => ((renders += 1), gate.promise);
    const first = renderOnce(store, "k", render, () => 0);
    const second = renderOnce(store, "k", render, () => 0);
    gate.resolve(page("v1"));
    expect((await first).first).toBe(true);
    expect((await second).first).toBe(false);
    expect(renders).toBe(1);
  });

  it("an edit drops every copy, and a render begun before it is not kept nor joined", async () => {
    const store = createPageStore();
    await renderOnce(
      store,
      "a",
      async () => page("old a"),
      () => 0,
    );
    const gate = deferred();
    const before = renderOnce(
      store,
      "b",
      () => gate.promise,
      () => 0,
    );
    invalidatePages(store);
    expect(freshPage(store, "a", 1)).toBeNull();
    const after = renderOnce(
      store,
      "b",
      async () => page("new b"),
      () => 1,
    );
    expect(new TextDecoder().decode((await after).page.body)).toBe("new b");
    gate.resolve(page("old b"));
    await before;
    expect(new TextDecoder().decode(freshPage(store, "b", 2)!.body)).toBe("new b");
  });

  it("does not keep what may not be shared", async () => {
    const store = createPageStore();
    await renderOnce(
      store,
      "k",
      async () => page("error", false),
      () => 0,
    );
    expect(freshPage(store, "k", 1)).toBeNull();
  });

  it("drops the oldest copies beyond its limits", async () => {
    const store = createPageStore({ entries: 2, bytes: 1000 });
    for (const key of ["a", "b", "c"])
      await renderOnce(
        store,
        key,
        async () => page(key),
        () => 0,
      );
    expect([...store.entries.keys()]).toEqual(["b", "c"]);
    await renderOnce(
      store,
      "big",
      async () => page("x".repeat(1000)),
      () => 0,
    );
    expect([...store.entries.keys()]).toEqual(["big"]);
    expect(store.bytes).toBe(1000);
  });

  it("keeps copies a minute, a second when public pages read a replica that may lag, or as configured", () => {
    expect(configuredTtlMs({})).toBe(pageTtlMs);
    expect(pageTtlMs).toBe(60_000);
    expect(configuredTtlMs({ DATABASE_REPLICA_URL: "postgresql://replica/onestop" })).toBe(replicaPageTtlMs);
    expect(configuredTtlMs({ DATABASE_REPLICA_URL: "  " })).toBe(pageTtlMs);
    expect(configuredTtlMs({ PAGE_CACHE_TTL_MS: "5000", DATABASE_REPLICA_URL: "postgresql://replica" })).toBe(
      5000,
    );
    expect(configuredTtlMs({ PAGE_CACHE_TTL_MS: "soon" })).toBe(pageTtlMs);
  });
});
