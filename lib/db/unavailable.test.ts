import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseUnavailable } from "./unavailable";

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("whether a database error is worth another try", () => {
  it("is, for a server that refuses the connection (the driver's own error)", async () => {
    const client = new pg.Client({ connectionString: `postgresql://x@127.0.0.1:${await closedPort()}/x` });
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(databaseUnavailable(error)).toBe(true);
  });

  it("is, for a restart that cuts a migration (the schema engine's words) or an admin shutdown", () => {
    expect(databaseUnavailable(new Error("Error: Server has closed the connection."))).toBe(true);
    expect(
      databaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" }),
    ).toBe(true);
    expect(databaseUnavailable(new Error("the database system is starting up"))).toBe(true);
  });

  it("is not, for a fault of the query or the data", () => {
    expect(
      databaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" }),
    ).toBe(false);
    expect(databaseUnavailable(new Error('relation "Case" does not exist'))).toBe(false);
    const circular: Record<string, unknown> = { message: "syntax error at or near" };
    circular.self = circular;
    expect(databaseUnavailable(circular)).toBe(false);
  });
});
