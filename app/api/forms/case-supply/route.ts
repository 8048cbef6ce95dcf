import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { supplyMaterials } from "@/lib/cases/supplyMaterials";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

/** The applicant's 补正: the files asked for and a note; back to the case with what happened. */
export const POST = formRoute({
  schema: z.object({
    trackingNumber: z.string().regex(serviceCaseNumberPattern),
    expectedVersion: z.coerce.number().int().positive(),
    note: z.string().trim().max(500, "tooLongMax|500").optional(),
  }),
  actor: "citizen",
  files: { fields: ["files"], maxCount: 10 },
  back: (fields, locale) =>
    serviceCaseNumberPattern.test(fields.trackingNumber ?? "")
      ? `/${locale}/account/cases/${fields.trackingNumber}`
      : `/${locale}/account`,
  run: async ({ input, actor, files, locale }) => {
    await supplyMaterials({ actor, ...input, files });
    return `/${locale}/account/cases/${input.trackingNumber}?done=supplied`;
  },
});
