import { describe, expect, it } from "vitest";
import { turnQueue } from "./turnTaking";

/** Counts the event loop's turns until stopped: the check phase runs one setImmediate a turn. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turns,
    stop: () => {
      running = false;
    },
  };
}

describe("turnQueue", () => {
  it("lets waiters go first come, first served, one per turn of the event loop", async () => {
    const nextTurn = turnQueue();
    const counter = turnCounter();
    const released: { name: string; turn: number }[] = [];
    await Promise.all(
      ["a", "b", "c", "d", "e"].map((name) =>
        nextTurn().then(() => {
          released.push({ name, turn: counter.now() });
        }),
      ),
    );
    counter.stop();
    expect(released.map((r) => r.name)).toEqual(["a", "b", "c", "d", "e"]);
    // never two in the same turn
    for (let i = 1; i < released.length; i++) expect(released[i].turn).toBeGreaterThan(released[i - 1].turn);
  });

  it("queues a waiter that asks again behind those already waiting", async () => {
    const nextTurn = turnQueue();
    const order: string[] = [];
    const again = async () => {
      await nextTurn();
      order.push("first 1");
      await nextTurn();
      order.push("first 2");
    };
    await Promise.all([
      again(),
      nextTurn().then(() => order.push("second")),
      nextTurn().then(() => order.push("third")),
    ]);
    expect(order).toEqual(["first 1", "second", "third", "first 2"]);
  });

  it("lets timers and I/O run while many wait", async () => {
    const nextTurn = turnQueue();
    let released = 0;
    // each holds the thread a little, as a statement on the embedded database does
    const hold = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const waiters = Array.from({ length: 200 }, () =>
      nextTurn().then(() => {
        hold(0.1);
        released++;
      }),
    );
    // a timer is handled in the loop's timers phase: it must not wait for all 200
    const atTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(released), 0));
    await Promise.all(waiters);
    expect(atTimer).toBeLessThan(200);
  });
});

describe("turnQueue with a slice", () => {
  it("lets what asks within the slice of the last release go on at once, and queues what asks after it", async () => {
    const nextTurn = turnQueue(20);
    const counter = turnCounter();
    await nextTurn();
    const released = counter.now();
    // within the slice: no turn passes
    await nextTurn();
    await nextTurn();
    expect(counter.now()).toBe(released);
    // past it: a turn of the loop comes first
    const until = performance.now() + 25;
    while (performance.now() < until);
    await nextTurn();
    expect(counter.now()).toBeGreaterThan(released);
    counter.stop();
  });
});
