import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { anonymousKinds, letterKinds, replyWorkingDays } from "./kinds";

const ZDays = z.coerce
  .number({ message: "numberFormat" })
  .int("numberFormat")
  .min(1, "numberMin|1")
  .max(60, "numberMax|60");

/**
 * The letters' local settings: working days to reply by kind (from acceptance), the one
 * extension's working days, the days the writer has to rate a reply, and the kinds that may be
 * written without an account.
 */
export const ZLetterSettings = z.object({
  replyWorkingDays: z.object(
    Object.fromEntries(letterKinds.map((k) => [k, ZDays])) as Record<
      (typeof letterKinds)[number],
      typeof ZDays
    >,
  ),
  extensionWorkingDays: ZDays,
  ratingDays: ZDays,
  anonymousKinds: z.array(z.enum(letterKinds)),
});
export type TLetterSettings = z.infer<typeof ZLetterSettings>;

export const defaultLetterSettings: TLetterSettings = {
  replyWorkingDays,
  extensionWorkingDays: 10,
  ratingDays: 10,
  anonymousKinds: [...anonymousKinds],
};

/** The letters' settings, falling back field by field to the defaults. */
export async function getLetterSettings(input: TDbOption = {}): Promise<TLetterSettings> {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "letters" } });
  const parsed = ZLetterSettings.partial().safeParse(row?.value ?? {});
  return { ...defaultLetterSettings, ...(parsed.success ? parsed.data : {}) };
}

/** Changes the letters' settings (administrators only; anyone else is refused and audited). */
export async function saveLetterSettings(
  input: { actor: TSessionUser; settings: TLetterSettings } & TDbOption,
) {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "settings.letters", entityType: "SiteSetting" };
  if (!isAdministrator(input.actor)) throw await deniedAsNotFound(prisma, entry);
  const value = ZLetterSettings.parse(input.settings);
  await prisma.$transaction(async (tx) => {
    await tx.siteSetting.upsert({
      where: { key: "letters" },
      create: { key: "letters", value },
      update: { value },
    });
    await writeAudit(tx, { ...entry, entityId: "letters", detail: value });
  });
}
