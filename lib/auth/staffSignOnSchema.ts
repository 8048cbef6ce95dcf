import { z } from "zod";

/**
 * An administrator's registration of a staff account for the government sign-on: the account, and
 * the subject (`sub`) the sign-on knows the person by or the e-mail it will present (either, or
 * both). Error messages are errors-namespace keys.
 */
export const ZStaffSignOnRegistration = z
  .object({
    userId: z.string().trim().min(1, "required").max(40),
    subject: z.string().trim().max(255, "tooLongMax|255").default(""),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "tooLongMax|254")
      .refine((value) => value === "" || z.email().safeParse(value).success, "email")
      .default(""),
  })
  .refine((value) => value.subject !== "" || value.email !== "", {
    message: "staffSignOnSubjectOrEmail",
    path: ["subject"],
  });

/** Removing one staff sign-on link. */
export const ZStaffSignOnRemoval = z.object({ identityId: z.string().trim().min(1).max(40) });
