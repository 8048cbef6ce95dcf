import { describe, expect, it } from "vitest";
import { dropKeptReads, keptRead } from "./keptReads";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kept reads", () => {
  it("reads once within the TTL, again after it, and at once after a drop", async () => {
    let reads = 0;
    const settings = keptRead("test.settings", async () => ({ read: ++reads }), 60);
    const [a, b] = await Promise.all([settings(), settings()]);
    expect(a).toEqual({ read: 1 });
    expect(b).toBe(a);
    expect(await settings()).toBe(a);
    await pause(80);
    expect(await settings()).toEqual({ read: 2 });
    dropKeptReads();
    expect(await settings()).toEqual({ read: 3 });
  });

  it("does not keep a read that failed, nor one that began before a drop", async () => {
    let reads = 0;
    let fail = true;
    const tree = keptRead("test.tree", async () => {
      reads++;
      if (fail) throw new Error("database gone");
      return reads;
    });
    await expect(tree()).rejects.toThrow("database gone");
    fail = false;
    expect(await tree()).toBe(2);

    let release!: (value: string) => void;
    let slowReads = 0;
    const slow = keptRead("test.slow", () => {
      slowReads++;
      return new Promise<string>((resolve) => (release = resolve));
    });
    const before = slow();
    // a change commits while the read is under way: its result may be the old one
    dropKeptReads();
    release("old");
    expect(await before).toBe("old");
    const after = slow();
    release("new");
    expect(await after).toBe("new");
    expect(slowReads).toBe(2);
  });
});
