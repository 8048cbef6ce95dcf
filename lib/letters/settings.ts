import "server-only";
import { z } from "zod";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { readSetting, saveSetting } from "../settings/stored";
import { anonymousKinds, letterKinds, replyWorkingDays } from "./kinds";
import { wholeNumberField } from "../shared/numberField";

const ZDays = wholeNumberField(1, 60);

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
  const stored = await readSetting({ ...input, key: "letters" });
  const parsed = ZLetterSettings.partial().safeParse(stored);
  return { ...defaultLetterSettings, ...(parsed.success ? parsed.data : {}) };
}

/** Changes the letters' settings (administrators only; anyone else is refused and audited). */
export async function saveLetterSettings(
  input: { actor: TSessionUser; settings: TLetterSettings } & TDbOption,
) {
  await saveSetting({ ...input, key: "letters", schema: ZLetterSettings, value: input.settings });
}
