import net from "node:net";

/** The PostgreSQL the test suites use: TEST_DATABASE_URL, or where .ci/start-postgres.sh puts one. */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:54329/onestop_test";

/** Whether something accepts connections at the URL's host and port, within a second. */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.on("connect", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => (socket.destroy(), resolve(false)));
  });
}
