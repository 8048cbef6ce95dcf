import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { openPgliteOf } from "../db/adapter";

/**
 * The embedded database allows one opener, and while the portal runs that is the server. So a
 * backup asks the server for a copy over a Unix socket beside the data directory, readable only
 * by the account that owns the data (which could read the files anyway). The server dumps the
 * directory between two statements — PGlite runs one at a time — so the copy is what a crash at
 * that instant would leave: committed transactions are in it, and PostgreSQL recovers it on open.
 */
export function dumpSocketPath(dir: string): string {
  return `${path.resolve(dir)}.sock`;
}

const ok = 0x30; // "0": the dump follows
const failed = 0x31; // "1": a message follows

/** Serves dumps of the embedded database in `dir`; `open` opens it if no request has yet. */
export async function serveDumps(dir: string, open: () => Promise<unknown>): Promise<net.Server> {
  const file = dumpSocketPath(dir);
  // a socket file left by a server that was killed: nobody answers on it, so it can go
  if (fs.existsSync(file) && !(await answers(file))) fs.rmSync(file, { force: true });
  const server = net.createServer((socket) => {
    socket.once("data", () => {
      void (async () => {
        try {
          await open();
          const pglite = openPgliteOf(dir);
          if (!pglite) throw new Error("the embedded database is not open in this process");
          await pglite.query("CHECKPOINT");
          const dump = Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
          socket.end(Buffer.concat([Buffer.from([ok]), dump]));
        } catch (error) {
          socket.end(Buffer.concat([Buffer.from([failed]), Buffer.from(String(error))]));
        }
      })();
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  server.unref();
  const remove = () => fs.rmSync(file, { force: true });
  process.once("exit", remove);
  server.once("close", remove);
  return server;
}

function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(file);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A gzipped tar of the data directory from the server that has it open, or null if none answers. */
export async function requestDump(dir: string): Promise<Buffer | null> {
  const file = dumpSocketPath(dir);
  if (!fs.existsSync(file)) return null;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(file);
    socket.once("connect", () => socket.write("dump\n"));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      ["ECONNREFUSED", "ENOENT"].includes(error.code ?? "") ? resolve(null) : reject(error),
    );
    socket.once("end", () => {
      const all = Buffer.concat(chunks);
      if (all[0] === ok) resolve(all.subarray(1));
      else reject(new Error(`the server could not dump the database: ${all.subarray(1).toString()}`));
    });
  });
}
