import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import type { TFormState } from "./formState";

/** Long enough to read the page the browser is sent back to, even on a slow connection. */
export const formReturnKeptMs = 15 * 60 * 1000;
const keptForMs = formReturnKeptMs;

const ZFormState = z.object({
  ok: z.boolean(),
  values: z.record(z.string(), z.string()),
  fieldErrors: z.record(z.string(), z.string()),
  formError: z.string().optional(),
  reference: z.string().optional(),
});

/** The `form` query parameter a form route adds when it sends the browser back with errors. */
export const formReturnParam = "form";

/**
 * Keeps a failed form's state (errors and what was typed) for its author; the id goes in the URL
 * the browser is sent back to. Older states are removed on the way.
 */
export async function keepFormState(
  input: { actor: TSessionUser; state: TFormState } & TDbOption,
): Promise<string> {
  const prisma = await clientOf(input);
  const id = randomBytes(16).toString("hex");
  await prisma.formReturn.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - keptForMs) } } });
  await prisma.formReturn.create({ data: { id, userId: input.actor.id, state: input.state } });
  return id;
}

/**
 * The state a form route kept for this person under `id` (the page's `form` parameter), or null:
 * nobody else's, and none older than a quarter of an hour.
 */
export async function returnedFormState(
  input: { actor: TSessionUser; id: unknown } & TDbOption,
): Promise<TFormState | null> {
  if (typeof input.id !== "string" || !/^[0-9a-f]{32}$/.test(input.id)) return null;
  const row = await (
    await clientOf(input)
  ).formReturn.findFirst({
    where: { id: input.id, userId: input.actor.id, createdAt: { gte: new Date(Date.now() - keptForMs) } },
    select: { state: true },
  });
  const parsed = ZFormState.safeParse(row?.state);
  return parsed.success ? parsed.data : null;
}
