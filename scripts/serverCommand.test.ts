import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { serverCommand, serverHeapMb } from "./serverCommand";

describe("serverCommand", () => {
  it("runs the server in plain node with tsx's loader, the heap budget and two malloc arenas", () => {
    const { command, args, env } = serverCommand(false, {});
    expect(command).toBe(process.execPath);
    expect(env).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(serverCommand(false, { MALLOC_ARENA_MAX: "4" }).env).toEqual({ MALLOC_ARENA_MAX: "4" });
    expect(args).toEqual([`--max-old-space-size=${serverHeapMb}`, "--import", "tsx", "scripts/server.ts"]);
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
      "--import",
      "tsx",
      "scripts/server.ts",
    ]);
    expect(serverCommand(true, {}).args).toEqual(["--import", "tsx", "scripts/server.ts", "--dev"]);
  });
});
