import { z } from "zod";
import { defaultLocale, locales } from "../i18n/settings";
import { lineField } from "../shared/plainText";

// Messages are i18n keys in locales/<lng>/errors.json, translated at render.
export const ZEmail = z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").email("email");

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "required").max(200, "tooLong"),
});
export type TSignIn = z.infer<typeof ZSignIn>;

/** The password rule for every account: at least 10 characters, letters and numbers both. */
export const ZPassword = z
  .string()
  .min(10, "passwordTooShort")
  .max(200, "tooLong")
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), "passwordWeak");

/** The kinds of account a citizen can register: a person, or an organisation acting through one. */
export const citizenAccountTypes = ["PERSON", "ORGANISATION"] as const;

export const ZRegister = z
  .object({
    email: ZEmail,
    name: lineField().min(1, "required").max(100, "tooLong"),
    accountType: z.enum(citizenAccountTypes, { message: "required" }),
    password: ZPassword,
    confirm: z.string().min(1, "required"),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordMismatch" });
export type TRegister = z.infer<typeof ZRegister>;

/** Which of one's own sessions to end: a session's handle, every other one, or every one. */
export const ZEndSessions = z.object({
  handle: z.union([z.literal("everywhere"), z.literal("others"), z.string().regex(/^[A-Za-z0-9_-]{16}$/)]),
  locale: z.enum(locales).default(defaultLocale),
});

/** The second step of a staff sign-in, and every other place an authenticator code is asked for. */
export const ZTotpCode = z.object({ code: z.string().trim().min(1, "required").max(20, "tooLong") });

/** A recovery code typed instead of the authenticator's. */
export const ZRecoveryCode = z.object({
  recoveryCode: z.string().trim().min(1, "required").max(40, "tooLong"),
});

/** Changing one's own password: the current one, and a new one under the registration policy. */
export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "required").max(200, "tooLong"),
    password: ZPassword,
    confirm: z.string().min(1, "required"),
    locale: z.enum(locales).default(defaultLocale),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordMismatch" });
