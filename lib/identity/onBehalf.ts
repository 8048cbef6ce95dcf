import { z } from "zod";
import { isValidIdCardNumber } from "../shared/checksums";

/**
 * 代办: applying for someone else (the principal) — their name and 公民身份号码, and the upload of
 * the power of attorney they signed (授权委托书), checked like any other upload.
 */
export const ZOnBehalf = z.object({
  name: z.string().trim().min(1, "required").max(50, "tooLongMax|50"),
  idNumber: z.string().trim().toUpperCase().refine(isValidIdCardNumber, "idCardInvalid"),
  declarationId: z.string().min(1, "onBehalfDeclarationRequired").max(40),
});
export type TOnBehalf = z.infer<typeof ZOnBehalf>;

/** The upload kinds and size a declaration may have. */
export const declarationLimits = {
  accept: ["application/pdf", "image/jpeg", "image/png"],
  maxSizeMb: 10,
} as const;

/** The verified identity a case recorded when it was filed (Application.applicantIdentity). */
export const ZCaseIdentity = z.object({
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  agentName: z.string().nullable(),
  agentIdNumber: z.string().nullable(),
  verifiedAt: z.string(),
});
export type TCaseIdentity = z.infer<typeof ZCaseIdentity>;
