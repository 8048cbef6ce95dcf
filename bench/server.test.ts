import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { sampleMemory } from "./server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the server's memory, sampled by phase", () => {
  it("puts the peak in the phase it was reached in, and the whole run's peak is the highest phase's", async () => {
    // a child that holds 160 MiB of touched memory from the moment it reads a line, until it ends
    const child = spawn(
      process.execPath,
      [
        "-e",
        `let held; process.stdin.once("data", () => { held = Buffer.alloc(160 * 1024 * 1024, 1); process.stdout.write("held\\n"); }); setInterval(() => held, 1000);`,
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    try {
      await sleep(300);
      const memory = sampleMemory(child.pid ?? 0);
      await sleep(600);
      memory.phase("quiet");
      await sleep(600);
      memory.phase("holding");
      child.stdin.write("go\n");
      await once(child.stdout, "data");
      await sleep(600);
      const result = memory.stop();

      expect(result.phases.map((p) => p.phase)).toEqual(["start", "quiet", "holding"]);
      const [start, quiet, holding] = result.phases.map((p) => p.peakTreeRssMiB);
      expect(start).toBeGreaterThan(10);
      expect(quiet).toBeLessThan(start + 50);
      expect(holding).toBeGreaterThan(quiet + 150);
      expect(result.peakTreeRssMiB).toBeCloseTo(holding, 5);
      expect(result.peakHwmMiB).toBeGreaterThanOrEqual(holding - 1);
    } finally {
      child.kill();
    }
  });
});
