import type { TMaterial } from "./guide";

export type TGuideFileKind = "BLANK_FORM" | "SAMPLE" | "RESULT_SAMPLE";

/** One file a guide offers: what it is, the material it belongs to, its address and its title. */
export type TGuideFileSlot = {
  kind: TGuideFileKind;
  materialId: string | null;
  slug: string;
  /** the name the guide gives it (《…》（空白格式）, …样例, …样本) */
  title: string;
};

/** A slug in a guide file's address: lower-case letters, digits and hyphens, nothing else. */
export const guideFileSlugPattern = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * The files a guide names: each material's blank form and sample, then the result's sample, in
 * the guide's order. The seed stores one file for each; the guide links those that exist.
 */
export function guideFileSlots(service: {
  materials: TMaterial[];
  resultSample?: string | null;
}): TGuideFileSlot[] {
  const slots: TGuideFileSlot[] = [];
  for (const material of service.materials) {
    if (material.blankForm)
      slots.push({
        kind: "BLANK_FORM",
        materialId: material.id,
        slug: `${material.id}-blank-form`,
        title: material.blankForm,
      });
    if (material.sample)
      slots.push({
        kind: "SAMPLE",
        materialId: material.id,
        slug: `${material.id}-sample`,
        title: material.sample,
      });
  }
  if (service.resultSample)
    slots.push({
      kind: "RESULT_SAMPLE",
      materialId: null,
      slug: "result-sample",
      title: service.resultSample,
    });
  return slots;
}

/** The file name a guide file downloads as: its title without the book-title marks, then `.pdf`. */
export function guideFileName(title: string): string {
  const plain = title.replace(/[《》〈〉"'\\/:*?<>|\u0000-\u001f]/g, "").trim();
  return `${plain || "file"}.pdf`;
}

/** The copies a materials table shows: none for an electronic material (份数 0 says nothing). */
export const copiesShown = (material: Pick<TMaterial, "copies">) =>
  material.copies > 0 ? material.copies : null;
