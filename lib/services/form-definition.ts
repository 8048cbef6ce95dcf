import { z } from "zod";

/** Text in the two authored languages; Traditional Chinese is converted from `zh`. */
const ZBilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type TBilingual = z.infer<typeof ZBilingual>;

const fieldTypes = [
  "text",
  "textarea",
  "number",
  "date",
  "select",
  "radio",
  "checkbox",
  "idCard", // 身份证号, GB 11643 checksum
  "creditCode", // 统一社会信用代码, GB 32100 checksum
  "mobile", // mainland mobile, 11 digits
  "email",
  "address",
  "file", // an upload tied to one 申请材料 (materialId)
] as const;
export type TFieldType = (typeof fieldTypes)[number];

const ZFormField = z.object({
  /** key in the answers object; stable across versions */
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  type: z.enum(fieldTypes),
  label: ZBilingual,
  hint: ZBilingual.optional(),
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** for select, radio and checkbox */
  options: z.array(z.object({ value: z.string(), label: ZBilingual })).optional(),
  /** for file: the 申请材料 id this upload answers */
  materialId: z.string().optional(),
  /** for file: allowed MIME types, checked by content */
  accept: z.array(z.enum(["application/pdf", "image/jpeg", "image/png"])).optional(),
  /** for file: size limit */
  maxSizeMb: z.number().positive().optional(),
  /** shown (and validated) only when another field has this value */
  showIf: z.object({ field: z.string(), equals: z.string() }).optional(),
});
export type TFormField = z.infer<typeof ZFormField>;

const ZFormStep = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: ZBilingual,
  fields: z.array(ZFormField).min(1),
});

/** A service's application form: data, not code. */
export const ZFormDefinition = z.object({ steps: z.array(ZFormStep).min(1) });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
