import { describe, expect, it } from "vitest";
import { databaseUnavailable } from "./unavailable";

describe("whether a database error is worth another try", () => {
  it("is, for what each layer says when PostgreSQL restarts", () => {
    // the schema engine, cutting a migration short
    expect(databaseUnavailable(new Error("Error: Server has closed the connection."))).toBe(true);
    // the driver adapter, with the server's words and no code
    expect(databaseUnavailable(new Error("FATAL: terminating connection due to administrator command"))).toBe(
      true,
    );
    // the pg driver's own error, with its code
    expect(databaseUnavailable({ code: "57P01", message: "terminating connection" })).toBe(true);
    expect(databaseUnavailable({ code: "57P03", message: "the database system is starting up" })).toBe(true);
    // wrapped, the cause below
    expect(databaseUnavailable(new Error("query failed", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
  });

  it("is not, for a fault of the query or the data, or for nothing", () => {
    expect(
      databaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" }),
    ).toBe(false);
    expect(databaseUnavailable(new Error('relation "Case" does not exist'))).toBe(false);
    const circular: Record<string, unknown> = { message: "syntax error at or near" };
    circular.cause = circular;
    expect(databaseUnavailable(circular)).toBe(false);
    expect(databaseUnavailable(undefined)).toBe(false);
  });
});
