import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { keptValues } from "@/lib/actions/formAction";
import { SupplementItemsMissing, supplyMaterials } from "@/lib/cases/supplyMaterials";
import { supplementItemField, supplementItemsMax } from "@/lib/cases/supplementRequest";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

/** The applicant's 补正: files for each item asked for and a note; back to the case with what happened. */
export const POST = formRoute({
  schema: z.object({
    trackingNumber: z.string().regex(serviceCaseNumberPattern),
    expectedVersion: z.coerce.number().int().positive(),
    note: z.string().trim().max(500, "tooLongMax|500").optional(),
  }),
  actor: "citizen",
  files: {
    fields: Array.from({ length: supplementItemsMax }, (_, index) => supplementItemField(index)),
    maxCount: 40,
  },
  back: (fields, locale) =>
    serviceCaseNumberPattern.test(fields.trackingNumber ?? "")
      ? `/${locale}/account/cases/${fields.trackingNumber}`
      : `/${locale}/account`,
  run: async ({ input, actor, files, formData, locale }) => {
    try {
      await supplyMaterials({ actor, ...input, files });
    } catch (error) {
      // every item without its file is marked at once, each beside its own input
      if (!(error instanceof SupplementItemsMissing)) throw error;
      return {
        ok: false,
        values: keptValues(formData),
        fieldErrors: Object.fromEntries(error.fields.map((field) => [field, "fileRequired"])),
      };
    }
    return `/${locale}/account/cases/${input.trackingNumber}?done=supplied`;
  },
});
