import { z } from "zod";
import { locales } from "../i18n/settings";
import { isValidMobile } from "../shared/checksums";
import { lineField } from "../shared/plainText";
import { ZEmail, ZPassword } from "../auth/schema";
import { enumParam, param } from "../i18n/search-params";

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

export const staffRoles = [
  "CASEWORKER",
  "DISCLOSURE_OFFICER",
  "EDITOR",
  "SUPERVISOR",
  "ADMIN",
  "LETTER_HANDLER",
] as const;
export const accountKinds = ["staff", "citizen"] as const;
export const accountStates = ["enabled", "disabled"] as const;

/** What the account list is narrowed to: a name or e-mail, staff or citizens, a role, a department, enabled or not. */
export type TAccountFilter = {
  q?: string;
  kind?: (typeof accountKinds)[number];
  role?: (typeof staffRoles)[number];
  department?: string;
  state?: (typeof accountStates)[number];
};

type TQuery = Record<string, string | string[] | undefined>;

/** The account list's filter, read from the address (anything malformed is dropped). */
export function accountFilterOf(query: TQuery): TAccountFilter {
  const department = param(query.department, 20);
  return {
    q: param(query.q, 120),
    kind: enumParam(query.kind, accountKinds),
    role: enumParam(query.role, staffRoles),
    department: department && /^[A-Z0-9]+$/.test(department) ? department : undefined,
    state: enumParam(query.state, accountStates),
  };
}

const ZUserId = z.string().trim().min(1).max(40);

/**
 * A role's scope as the forms send it: "all" for every department, else a department's code.
 * Nothing chosen is an error rather than "all", so a forgotten choice never grants everything.
 */
const ZScope = z
  .string({ message: "choose" })
  .trim()
  .min(1, "choose")
  .max(20)
  .regex(/^(all|[A-Z0-9]+)$/, "choose");

/** A new staff account: who, and their first role with its scope (no password: they set it from the mail). */
export const ZNewStaffAccount = z.object({
  email: ZEmail,
  name: lineField().min(1, "required").max(100, "tooLong"),
  role: z.enum(staffRoles, { message: "choose" }),
  scope: ZScope,
});
export type TNewStaffAccount = z.infer<typeof ZNewStaffAccount>;

/** One more role for a member of staff. */
export const ZGrantRole = z.object({
  userId: ZUserId,
  role: z.enum(staffRoles, { message: "choose" }),
  scope: ZScope,
});

/** One role taken away, by its grant's id. */
export const ZRevokeRole = z.object({ userId: ZUserId, grantId: z.string().trim().min(1).max(40) });

/** An action on one account with nothing else to send (disable, enable, resets). */
export const ZAccountTarget = z.object({ userId: ZUserId });

/** The page a mailed link opens: the new password twice. */
export const ZSetPassword = z
  .object({
    token: z.string().trim().min(1).max(100),
    password: ZPassword,
    confirm: z.string().min(1, "required"),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordMismatch" });
