import { z } from "zod";
import { normaliseMobile } from "./templates";

/** A mainland mobile number as typed, to its 11 digits. */
export const ZMobile = z
  .string()
  .trim()
  .min(1, "required")
  .max(30, "mobileInvalid")
  .transform((typed, context) => {
    const mobile = normaliseMobile(typed);
    if (!mobile) {
      context.addIssue({ code: "custom", message: "mobileInvalid" });
      return z.NEVER;
    }
    return mobile;
  });

export const ZSmsCode = z
  .string()
  .trim()
  .min(1, "required")
  .regex(/^\d{6}$/, "smsCodeFormat");

export const ZAskSignInCode = z.object({ mobile: ZMobile });
export const ZSignInByCode = z.object({
  mobile: ZMobile,
  code: ZSmsCode,
  name: z.string().trim().max(100, "tooLong").optional(),
});
export const ZAskMobileChange = z.object({ newMobile: ZMobile });
export const ZConfirmMobileChange = z.object({
  newMobile: ZMobile,
  newCode: ZSmsCode,
  oldCode: z.union([z.literal(""), ZSmsCode]).optional(),
});
