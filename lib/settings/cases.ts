import { z } from "zod";
import { wholeNumberField } from "../shared/numberField";

/**
 * Local rules of 好差评 an administrator sets: the working days a department has to verify and
 * fix a 差评 (15 under 国办发〔2019〕51号), and the working days the rater has, once told the
 * outcome, to appeal (申诉) it.
 */
export const ZCaseSettings = z.object({
  followUpDays: wholeNumberField(1, 60),
  appealDays: wholeNumberField(1, 60),
});
export type TCaseSettings = z.infer<typeof ZCaseSettings>;

export const defaultCaseSettings: TCaseSettings = { followUpDays: 15, appealDays: 10 };
