import { z } from "zod";
import { locales } from "../i18n/settings";
import { isValidMobile } from "../shared/checksums";
import { lineField } from "../shared/plainText";

// Messages are i18n keys in locales/<lng>/errors.json, translated at render.

/** What a citizen may correct of their own profile (个人信息保护法 Art. 46). */
export const ZProfile = z.object({
  name: lineField().min(1, "required").max(100, "tooLong"),
  // optional: an empty field removes the number
  phone: lineField()
    .refine((value) => value === "" || isValidMobile(value), "mobileInvalid")
    .transform((value) => value || null),
  locale: z.enum(locales, { message: "choose" }),
});
export type TProfile = z.infer<typeof ZProfile>;

/** Closing an account is confirmed by typing the password. */
export const ZCloseAccount = z.object({
  password: z.string().min(1, "required").max(200, "tooLong"),
});
