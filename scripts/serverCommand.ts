/**
 * The server's heap budget (V8's old space, MiB) unless NODE_OPTIONS names one. Left to itself V8
 * sizes the heap by the machine (about 4 GB here) and collects lazily: under load the server's
 * heap grew to 460 MB, nearly all of it garbage, while what it really holds is 120–170 MB at the
 * bench's volume (the heap measured with this budget through the whole bench). 384 MB keeps the
 * resident total near 550 MB for about 1 ms more of collection a signed-in page (18.1 → 19.9 ms
 * of CPU measured, within the noise of repeated runs). At most RENDER_SLOTS renders are in flight
 * (lib/http/renderSlots.ts), which is what bounds the live heap under load.
 */
export const serverHeapMb = 384;

/**
 * AsyncLocalStorage on V8's continuation data (AsyncContextFrame) instead of async_hooks: Next
 * keeps each request's context in AsyncLocalStorage, and the async_hooks way runs a hook on every
 * promise created, resolved and awaited. A signed-in page's CPU profile (the account page, 8
 * connections, PostgreSQL) spent 26.9 ms a request with the hooks and 21.4 ms without them, the
 * hooks' own time plus the garbage of a resource object per promise. Node 24 made this the
 * default; on Node 22 it is the flag below, whose model Next and React also run on under Node 24.
 */
export const contextFrameFlags =
  Number(process.versions.node.split(".")[0]) < 24 ? ["--experimental-async-context-frame"] : [];

/**
 * How `npm start` and the bench run scripts/server.ts: a plain `node` with tsx's loader. The tsx
 * command would keep a second Node process as the server's parent for its whole life (58 MB
 * resident) only to pass signals on, which start.ts and the bench do themselves. The development
 * server compiles in-process and gets no heap budget.
 */
export function serverCommand(dev = false, env: Partial<Record<string, string>> = process.env) {
  const budgeted = dev || /--max-old-space-size/.test(env.NODE_OPTIONS ?? "");
  return {
    /**
     * What the server's environment adds: glibc gives each thread that allocates (libuv's pool
     * reading uploads, zlib, crypto) a malloc arena of its own, and memory freed there is rarely
     * given back. Two arenas: the bench's peak 604 → 530 MiB, the same throughput. An operator's
     * own MALLOC_ARENA_MAX stands.
     */
    env: { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" },
    command: process.execPath,
    args: [
      ...(budgeted ? [] : [`--max-old-space-size=${serverHeapMb}`]),
      ...contextFrameFlags,
      "--import",
      "tsx",
      "scripts/server.ts",
      ...(dev ? ["--dev"] : []),
    ],
  };
}
