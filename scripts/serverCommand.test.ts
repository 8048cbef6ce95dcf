import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { contextFrameFlags, serverCommand, serverHeapMb } from "./serverCommand";

describe("serverCommand", () => {
  it("runs the server in plain node with tsx's loader, the heap budget and two malloc arenas", () => {
    const { command, args, env } = serverCommand(false, {});
    expect(command).toBe(process.execPath);
    expect(env).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(serverCommand(false, { MALLOC_ARENA_MAX: "4" }).env).toEqual({ MALLOC_ARENA_MAX: "4" });
    expect(args).toEqual([
      `--max-old-space-size=${serverHeapMb}`,
      ...contextFrameFlags,
      "--import",
      "tsx",
      "scripts/server.ts",
    ]);
    // node takes the flag and V8 sizes its heap by it (old space plus the young generation)
    const limit = spawnSync(
      command,
      [args[0], "-e", "console.log(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20)"],
      { encoding: "utf8" },
    );
    expect(Number(limit.stdout)).toBeGreaterThanOrEqual(serverHeapMb);
    expect(Number(limit.stdout)).toBeLessThan(serverHeapMb + 128);
  });

  it("leaves the budget to an operator's NODE_OPTIONS, and the development server unbudgeted", () => {
    expect(serverCommand(false, { NODE_OPTIONS: "--max-old-space-size=1024" }).args).toEqual([
      ...contextFrameFlags,
      "--import",
      "tsx",
      "scripts/server.ts",
    ]);
    expect(serverCommand(true, {}).args).toEqual([
      ...contextFrameFlags,
      "--import",
      "tsx",
      "scripts/server.ts",
      "--dev",
    ]);
  });

  it("runs AsyncLocalStorage without async_hooks: no hook on every promise, the store still carried", () => {
    const { command, args } = serverCommand(false, {});
    const probe = [
      "const { AsyncLocalStorage, executionAsyncId } = require('node:async_hooks');",
      "const storage = new AsyncLocalStorage();",
      "storage.run('request', () => Promise.resolve().then(async () => {",
      "  await null;",
      "  console.log(JSON.stringify({ id: executionAsyncId(), store: storage.getStore() }));",
      "}));",
    ].join("\n");
    const flags = args.slice(0, args.indexOf("--import"));
    const run = (nodeArgs: string[]) =>
      JSON.parse(spawnSync(command, [...nodeArgs, "-e", probe], { encoding: "utf8" }).stdout);
    // Node 22 without the flag: async_hooks gives every promise reaction its promise's async id
    if (contextFrameFlags.length > 0) expect(run([])).toEqual({ id: expect.any(Number), store: "request" });
    if (contextFrameFlags.length > 0) expect(run([]).id).toBeGreaterThan(0);
    // with the context frame no promise gets one, and the store is the same
    expect(run(flags)).toEqual({ id: 0, store: "request" });
  });
});
