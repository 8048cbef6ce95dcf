import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export type TReceivedMail = { from?: string; to: string; subject?: string; text?: string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts the SMTP sink process (on `port`, to start one again where it was); resolves once it listens. */
export async function startSmtpSink(port?: number): Promise<{
  port: number;
  url: string;
  messages: TReceivedMail[];
  waitFor: (match: (m: TReceivedMail) => boolean, timeoutMs?: number) => Promise<TReceivedMail>;
  stop: () => void;
}> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    path.resolve("node_modules/.bin/tsx"),
    [path.resolve("tests/helpers/smtp-sink-server.ts"), String(port)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const messages: TReceivedMail[] = [];
  let buffer = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        if (line.startsWith("READY")) resolve();
        else if (line.trim()) messages.push(JSON.parse(line));
      }
    });
    child.on("exit", (code) => reject(new Error(`smtp sink exited ${code}`)));
  });
  const waitFor = async (match: (m: TReceivedMail) => boolean, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no matching mail among ${messages.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { port, url: `smtp://127.0.0.1:${port}`, messages, waitFor, stop: () => child.kill() };
}
