import { describe, expect, it } from "vitest";
import type { TMaterial } from "./guide";
import { copiesShown, guideFileName, guideFileSlots, guideFileSlugPattern } from "./guideFiles";

const material = (over: Partial<TMaterial>): TMaterial => ({
  id: "m",
  name: "材料",
  nameEn: "Material",
  form: "copy",
  copies: 1,
  required: true,
  source: "申请人自备",
  ...over,
});

describe("the files a guide offers", () => {
  it("lists each material's blank form and sample, then the result's sample, with safe slugs", () => {
    const slots = guideFileSlots({
      materials: [
        material({ id: "id-card", sample: "身份证样例" }),
        material({ id: "form", blankForm: "《申请表》", sample: "《申请表》填写样例" }),
        material({ id: "none" }),
      ],
      resultSample: "证书样本",
    });
    expect(slots.map((s) => [s.kind, s.materialId, s.slug])).toEqual([
      ["SAMPLE", "id-card", "id-card-sample"],
      ["BLANK_FORM", "form", "form-blank-form"],
      ["SAMPLE", "form", "form-sample"],
      ["RESULT_SAMPLE", null, "result-sample"],
    ]);
    expect(slots.every((s) => guideFileSlugPattern.test(s.slug))).toBe(true);
    expect(guideFileSlots({ materials: [], resultSample: null })).toEqual([]);
  });

  it("names a download after its title, without book-title marks or characters a file system refuses", () => {
    expect(guideFileName("《用工证明》（空白格式）")).toBe("用工证明（空白格式）.pdf");
    expect(guideFileName('a/b\\c:"d"<e>')).toBe("abcde.pdf");
    expect(guideFileName("《》")).toBe("file.pdf");
  });

  it("hides 份数 0", () => {
    expect(copiesShown({ copies: 0 })).toBeNull();
    expect(copiesShown({ copies: 2 })).toBe(2);
  });
});
