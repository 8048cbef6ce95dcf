import { describe, expect, it } from "vitest";
import { Prisma } from "../db/generated/client";
import { apiFailure, busyRetryAfterSeconds } from "./errors";

const prismaError = (message: string, code: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client });

describe("the API's answer to a database that cannot take the call", () => {
  it("is 503 with Retry-After when a transaction could not start in time", async () => {
    const response = apiFailure(
      prismaError("Transaction API error: Unable to start a transaction in the given time.", "P2028"),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(busyRetryAfterSeconds));
    expect(await response.json()).toEqual({
      error: { code: "busy", message: `The service is busy: try again in ${busyRetryAfterSeconds} seconds` },
    });
  });

  it("stays a 500 for the same code when a transaction ran past its own time (a bug, not a busy database)", async () => {
    const response = apiFailure(
      prismaError(
        "Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.",
        "P2028",
      ),
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    expect((await response.json()).error.code).toBe("internal");
  });
});
