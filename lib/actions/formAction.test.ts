import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "../db/generated/client";
import { formAction } from "./formAction";

const prismaError = (message: string, code: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client });

/** An anonymous form whose use case fails with `error`. */
const failingForm = (error: unknown) =>
  formAction({
    schema: z.object({ name: z.string().min(1), password: z.string() }),
    actor: "anonymous",
    run: async () => {
      throw error;
    },
  });

const typed = () => {
  const formData = new FormData();
  formData.set("name", "张晓明 <b>");
  formData.set("password", "secret-secret-1");
  return formData;
};

describe("a form whose write the database was too busy to start", () => {
  it("comes back with what was typed (never the password) and asks for it to be sent again", async () => {
    const busy = prismaError(
      "Transaction API error: Unable to start a transaction in the given time.",
      "P2028",
    );
    expect(await failingForm(busy)({ ok: false, values: {}, fieldErrors: {} }, typed())).toEqual({
      ok: false,
      values: { name: "张晓明 <b>" },
      fieldErrors: {},
      formError: "busy",
    });
  });

  it("is still unexpected, with a reference, when the same code means a transaction ran too long", async () => {
    const expired = prismaError(
      "Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.",
      "P2028",
    );
    const state = await failingForm(expired)({ ok: false, values: {}, fieldErrors: {} }, typed());
    expect(state).toMatchObject({ ok: false, values: { name: "张晓明 <b>" }, formError: "unexpected" });
    expect(state.reference).toMatch(/^[0-9a-f]{8}$/);
  });
});
