import { describe, expect, it } from "vitest";
import { openContentChannel } from "@/lib/cache/contentChannel";
import { contentChanged } from "@/lib/cache/contentChanged";
import { pageStore } from "@/lib/cache/pageStore";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(10);
  }
  return Date.now() - started;
}

describe("dropping cached pages on every instance", () => {
  it("drops this instance's pages on an edit, and on PostgreSQL tells the others at once", async () => {
    const store = pageStore();
    const before = store.generation;
    contentChanged();
    expect(store.generation).toBe(before + 1);

    const url = process.env.TEST_DATABASE_URL;
    // the embedded database is one process: there is no one else to tell
    if (!url) return;
    const heard = { a: 0, b: 0 };
    const a = openContentChannel({ url, onChange: () => heard.a++ });
    const b = openContentChannel({ url, onChange: () => heard.b++ });
    try {
      // each drops its pages once when it starts listening (it may have missed something)
      await until(() => heard.a === 1 && heard.b === 1, 10_000);
      a.announce();
      const took = await until(() => heard.b === 2, 1000);
      expect(took).toBeLessThan(1000);
      await sleep(200);
      // an instance does not drop its pages twice for its own edit
      expect(heard.a).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("announces a change made before its own connection was open, once it opens", async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const heard = { listener: 0, sender: 0 };
    const listener = openContentChannel({ url, onChange: () => heard.listener++ });
    try {
      await until(() => heard.listener === 1, 10_000);
      // the sender announces at once, before its LISTEN connection is up (a worker's first moments)
      const sender = openContentChannel({ url, onChange: () => heard.sender++ });
      sender.announce();
      try {
        await until(() => heard.listener === 2, 10_000);
      } finally {
        await sender.close();
      }
    } finally {
      await listener.close();
    }
  });
});
