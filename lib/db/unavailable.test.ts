import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { busyReason, databaseNeverReached, databaseUnavailable, databaseUnreachable } from "./unavailable";

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

describe("whether an error of a call says the database could not be reached", () => {
  const prismaError = (code: string, meta?: Record<string, unknown>) =>
    new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
      code,
      clientVersion: Prisma.prismaVersion.client,
      meta,
    });

  it("does for Prisma's own codes and the server's codes under the driver adapter's error", () => {
    expect(databaseUnreachable(prismaError("P1001"))).toBe(true);
    expect(databaseNeverReached(prismaError("P1001"))).toBe(true);
    expect(databaseUnreachable(prismaError("P1017"))).toBe(true);
    const terminated = prismaError("P2010", {
      driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", code: "57P01" } },
    });
    expect(databaseUnreachable(terminated)).toBe(true);
    // lost during the call: perhaps after its commit
    expect(databaseNeverReached(terminated)).toBe(false);
  });

  it("does not for another service's lost connection, a fault of the query, or what is not an error", () => {
    // what an S3 or SMTP failure looks like: a fetch or socket error with ECONNREFUSED below
    expect(databaseUnreachable(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toBe(
      false,
    );
    expect(databaseUnreachable(Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" }))).toBe(
      false,
    );
    expect(databaseUnreachable(prismaError("P2002"))).toBe(false);
    expect(databaseUnreachable("ECONNRESET")).toBe(false);
    expect(databaseUnreachable(undefined)).toBe(false);
  });

  it("reads a reason for the log from anything thrown", () => {
    expect(busyReason(prismaError("P1001"))).toBe("Can't reach database server at 127.0.0.1:5432");
    expect(busyReason("ECONNRESET")).toBe("ECONNRESET");
    expect(busyReason({ code: "ECONNRESET" })).toBe("[object Object]");
    expect(busyReason(null)).toBe("null");
  });
});
