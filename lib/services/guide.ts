import { z } from "zod";

/** The structured parts of a 办事指南 that are stored as JSON on Service. */
export const ZLegalBasis = z
  .array(z.object({ law: z.string().min(1), article: z.string().min(1), text: z.string().min(1) }))
  .min(1);

export const ZMaterial = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** 原件 / 复印件 / 电子 */
  form: z.enum(["original", "copy", "electronic"]),
  copies: z.number().int().min(0),
  required: z.boolean(),
  /** 来源渠道, e.g. 申请人自备, 政府部门核发 */
  source: z.string().min(1),
  blankForm: z.string().optional(),
  sample: z.string().optional(),
  note: z.string().optional(),
});
export type TMaterial = z.infer<typeof ZMaterial>;

export const ZGuideLists = z.object({
  legalBasis: ZLegalBasis,
  conditions: z.array(z.string().min(1)).min(1),
  materials: z.array(ZMaterial),
  process: z.array(z.string().min(1)).min(1),
  faq: z.array(z.object({ q: z.string().min(1), a: z.string().min(1) })),
});
export type TGuideLists = z.infer<typeof ZGuideLists>;
