import { describe, expect, it } from "vitest";
import { createInstance } from "i18next";
import fs from "node:fs";
import path from "node:path";
import { renderReplyLetter } from "@/lib/disclosure/replyLetter";

async function t(locale: string) {
  const instance = createInstance();
  const load = (ns: string) =>
    JSON.parse(fs.readFileSync(path.resolve("locales", locale, `${ns}.json`), "utf8"));
  await instance.init({
    lng: locale,
    resources: { [locale]: { disclosure: load("disclosure") } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe("the reply letter", () => {
  it("is issued in the department's name with its 发文代字, seal, date, the corrected request and the remedies' bodies", async () => {
    const bytes = await renderReplyLetter({
      locale: "zh-Hans",
      t: await t("zh-Hans"),
      request: {
        trackingNumber: "GK20261126000001",
        requesterName: "张晓明",
        description: "就业补助资金使用情况",
        receivedOn: new Date("2026-09-21T00:00:00Z"),
        repliedAt: new Date("2026-11-20T02:00:00Z"),
        letterNumber: "成人社公开〔2026〕1号",
        outcome: "NOT_DISCLOSED",
        outcomeSub: "THIRD_PARTY",
        legalBasis: "《政府信息公开条例》第十五条",
        replyText: "涉及第三方商业秘密。",
        corrected: "2025年1月至12月就业补助资金使用明细",
        department: {
          name: "成都市人力资源和社会保障局",
          nameEn: "HRSS",
          reviewBody: "成都市人民政府",
          court: "成都铁路运输第一法院",
        },
      },
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items
      .map((item) => ("str" in item ? item.str : ""))
      .join("")
      .replace(/\s+/g, "");
    for (const expected of [
      "政府信息公开申请答复书",
      "成人社公开〔2026〕1号",
      "张晓明：",
      "本机关于2026年9月21日收到",
      "经补正，您申请获取的政府信息为：2025年1月至12月就业补助资金使用明细",
      "不予公开",
      "保护第三方合法权益",
      "第十五条",
      "60日内",
      "6个月内",
      "向成都市人民政府申请行政复议",
      "向成都铁路运输第一法院提起行政诉讼",
      "（印章）",
      "2026年11月20日",
    ]) {
      expect(text, expected).toContain(expected);
    }
    // issued by the department: its name heads the letter and signs it
    expect(text.startsWith("成都市人力资源和社会保障局政府信息公开申请答复书")).toBe(true);
    expect(text).toMatch(/成都市人力资源和社会保障局（印章）2026年11月20日$/);
  });
});
