/**
 * How `npm start` and the bench run scripts/server.ts: a plain `node` with tsx's loader. The tsx
 * command would keep a second Node process as the server's parent for its whole life (58 MB
 * resident) only to pass signals on, which start.ts and the bench do themselves.
 */
export const serverCommand = (dev = false) => ({
  command: process.execPath,
  args: ["--import", "tsx", "scripts/server.ts", ...(dev ? ["--dev"] : [])],
});
