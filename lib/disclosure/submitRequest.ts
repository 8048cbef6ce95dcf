import "server-only";
import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isCitizen } from "../auth/policy";
import { isValidCreditCode, isValidIdCardNumber, isValidMobile } from "../shared/checksums";
import { newAccessCode, nextTrackingNumber } from "../identifiers/trackingNumbers";
import { FormError } from "../shared/errors";
import { deliveryMethods, requesterTypes } from "./outcomes";
import { departmentCodePattern } from "./indexNumbers";

/**
 * The 依申请公开 application, with what 《政府信息公开条例》(2019) 第二十九条 asks for: no purpose is
 * asked, as the 2019 revision dropped the "special needs" test.
 */
export const ZDisclosureRequest = z
  .object({
    department: z.string().regex(departmentCodePattern, "choose"),
    requesterType: z.enum(requesterTypes, { message: "choose" }),
    requesterName: lineField().min(1, "required").max(100, "tooLongMax|100"),
    // checked on its own first, so the error shows even when other fields are wrong too
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "required")
      .refine((v) => isValidIdCardNumber(v) || isValidCreditCode(v), "idNumberInvalid"),
    phone: z.string().trim().refine(isValidMobile, "mobileInvalid"),
    email: z
      .string()
      .trim()
      .max(254, "tooLongMax|254")
      .pipe(z.email("email"))
      .optional()
      .or(z.literal("").transform(() => undefined)),
    address: lineField().max(300, "tooLongMax|300").optional(),
    description: textField().min(1, "required").max(4000, "tooLongMax|4000"),
    deliveryMethod: z.enum(deliveryMethods, { message: "choose" }),
  })
  .superRefine((value, ctx) => {
    // a person gives a 身份证号, an organisation its 统一社会信用代码
    const valid =
      value.requesterType === "PERSON"
        ? isValidIdCardNumber(value.idNumber)
        : isValidCreditCode(value.idNumber);
    if (!valid)
      ctx.addIssue({
        code: "custom",
        path: ["idNumber"],
        message: value.requesterType === "PERSON" ? "idCardInvalid" : "creditCodeInvalid",
      });
    if (value.deliveryMethod === "email" && !value.email)
      ctx.addIssue({ code: "custom", path: ["email"], message: "required" });
    if (value.deliveryMethod === "paper" && !value.address)
      ctx.addIssue({ code: "custom", path: ["address"], message: "required" });
  });
export type TDisclosureRequestInput = z.infer<typeof ZDisclosureRequest>;

/**
 * Files a request (signed in or not). It waits for the office's receipt confirmation; the
 * statutory clock then counts from the day it was submitted (Art. 31), not the day confirmed.
 */
export async function submitDisclosureRequest(
  input: { actor: TSessionUser | null; request: TDisclosureRequestInput; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  // a body that only issues documents keeps no disclosure queue: its requests would wait for nobody
  const department = await prisma.department.findFirst({
    where: { code: input.request.department, issuerOnly: false },
  });
  if (!department) throw new FormError("choose", "department");
  const { requesterType, requesterName, idNumber, phone, email, address, description, deliveryMethod } =
    input.request;
  const fields = {
    requesterType,
    requesterName,
    idNumber,
    phone,
    email,
    address,
    description,
    deliveryMethod,
  };
  return prisma.$transaction(async (tx) => {
    const trackingNumber = await nextTrackingNumber(tx, "GK");
    const created = await tx.disclosureRequest.create({
      data: {
        ...fields,
        email: fields.email ?? null,
        address: fields.address ?? null,
        trackingNumber,
        accessCode: newAccessCode(),
        // submitted online: the day it arrived, which is its receipt day (Art. 31)
        createdAt: input.now ?? new Date(),
        applicantId: isCitizen(input.actor) ? input.actor.id : null,
        departmentId: department.id,
        events: {
          create: {
            kind: "submit",
            toStatus: "SUBMITTED",
            actorId: isCitizen(input.actor) ? input.actor.id : null,
          },
        },
      },
    });
    return { trackingNumber, accessCode: created.accessCode, status: created.status };
  });
}
