import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import jsQR from "jsqr";
import { receiptTrackUrl, renderQrPng, renderReceiptPdf, type TReceiptCase } from "./receipt";
import type { TLocale } from "../i18n/settings";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";
import { localeT, readPdf } from "../../tests/helpers/pdf";

const fakeCase: TReceiptCase = {
  trackingNumber: "SV20261126000123",
  accessCode: "K7M2QX",
  status: "SUBMITTED",
  // 02:05 UTC is 10:05 in China
  submittedAt: new Date("2026-11-26T02:05:00Z"),
  applicantName: "张晓明",
  service: {
    name: "就业登记",
    nameEn: "Employment registration",
    promisedDays: 5,
    department: { name: "人社局", nameEn: "Human Resources and Social Security Bureau" },
  },
};
const site = { name: "测试市一站式服务门户", host: "测试市人民政府办公厅" };

async function render(locale: TLocale, caseData: TReceiptCase = fakeCase) {
  const trackUrl = receiptTrackUrl({
    origin: "https://onestop.example.cn/",
    locale,
    trackingNumber: caseData.trackingNumber,
  });
  const bytes = await renderReceiptPdf({
    locale,
    case: caseData,
    trackUrl,
    t: await localeT(locale, ["receipt", "account"]),
    site,
  });
  return { bytes, trackUrl };
}

describe("receiptTrackUrl", () => {
  it("links the locale's tracking page with the case number, encoded, and never the 查询码", () => {
    expect(
      receiptTrackUrl({
        origin: "http://localhost:3000/",
        locale: "zh-Hant",
        trackingNumber: "SV2026 1126&1",
      }),
    ).toBe("http://localhost:3000/zh-Hant/track?trackingNumber=SV2026+1126%261");
  });
});

describe("renderQrPng", () => {
  it("draws a QR code that decodes to the text", async () => {
    const { PNG } = await import("pngjs");
    const png = PNG.sync.read(
      await renderQrPng("https://onestop.example.cn/en/track?trackingNumber=SV1&accessCode=X"),
    );
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(
      "https://onestop.example.cn/en/track?trackingNumber=SV1&accessCode=X",
    );
  });
});

describe("renderReceiptPdf", () => {
  it("makes a one-page PDF with the particulars in Simplified Chinese, in China time", async () => {
    const { bytes } = await render("zh-Hans");
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // the font is subset: the whole Noto Sans SC file is 10 MB
    expect(bytes.byteLength).toBeLessThan(300_000);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    for (const expected of [
      site.name,
      "申报回执",
      "办件编号",
      "SV20261126000123",
      "查询码",
      "K7M2QX",
      "就业登记",
      "人社局",
      "张晓明",
      "2026年11月26日 10:05（北京时间）",
      "5 个工作日",
      "扫码查询办理进度",
      "主办单位：测试市人民政府办公厅",
    ]) {
      expect(pdf.text).toContain(expected.replace(/\s+/g, ""));
    }
  });

  it("embeds a QR code image that decodes to the tracking URL", async () => {
    const { bytes, trackUrl } = await render("zh-Hans");
    const { images } = await readPdf(bytes);
    expect(images).toHaveLength(1);
    const [qr] = images;
    expect(jsQR(qr.rgba, qr.width, qr.height)?.data).toBe(trackUrl);
    expect(trackUrl).toBe("https://onestop.example.cn/zh-Hans/track?trackingNumber=SV20261126000123");
  });

  it("becomes the dated 受理通知书 once accepted, and the 不予受理通知书 with its reason", async () => {
    const accepted = await readPdf(
      (
        await render("zh-Hans", {
          ...fakeCase,
          status: "ACCEPTED",
          acceptedAt: new Date("2026-11-27T02:00:00Z"),
          promisedDue: new Date("2026-12-02T00:00:00Z"),
        })
      ).bytes,
    );
    // issued by the department, with its seal's place and the day of 受理; a fixed document: no live status
    for (const expected of [
      "受理通知书",
      "受理日期",
      "2026年11月27日",
      "承诺办结日期",
      "2026年12月2日",
      "人社局（印章）",
    ])
      expect(accepted.text).toContain(expected);
    expect(accepted.text).not.toContain("申报回执");
    expect(accepted.text).not.toContain("当前状态");
    expect(accepted.text).not.toContain("行政复议");
    const rejectedCase: TReceiptCase = {
      ...fakeCase,
      status: "REJECTED",
      rejection: { reason: "不属于本机关职责范围", at: new Date("2026-11-27T02:00:00Z") },
    };
    const rejected = await readPdf((await render("zh-Hans", rejectedCase)).bytes);
    for (const expected of [
      "不予受理通知书",
      "决定日期",
      "不属于本机关职责范围",
      "人社局（印章）",
      "六十日内",
      "六个月内",
    ])
      expect(rejected.text).toContain(expected);
    // a 补正 request is its own notice: every item at once and the day the period ends
    const supplement = await readPdf(
      (
        await render("zh-Hans", {
          ...fakeCase,
          status: "SUPPLEMENT",
          supplement: {
            items: ["身份证反面不清晰", "劳动合同缺少签字页"],
            due: "2026-12-17",
            askedAt: new Date("2026-11-26T06:00:00Z"),
          },
        })
      ).bytes,
    );
    for (const expected of [
      "补正材料通知书",
      "1.身份证反面不清晰",
      "2.劳动合同缺少签字页",
      "2026年12月17日",
      "2026年11月26日",
      "人社局（印章）",
    ])
      expect(supplement.text).toContain(expected);
    // the department's 复议机关 and court, where configured, are named
    const named = await readPdf(
      (
        await render("zh-Hans", {
          ...rejectedCase,
          service: {
            ...fakeCase.service,
            department: {
              ...fakeCase.service.department,
              reviewBody: "测试市人民政府",
              court: "测试市铁路运输法院",
            },
          },
        })
      ).bytes,
    );
    expect(named.pages).toBe(1);
    for (const expected of ["向测试市人民政府申请行政复议", "向测试市铁路运输法院提起行政诉讼"])
      expect(named.text).toContain(expected);
  });

  it("uses Traditional characters for zh-Hant, content included", async () => {
    const pdf = await readPdf((await render("zh-Hant")).bytes);
    for (const expected of ["申報回執", "辦件編號", "查詢碼", "就業登記", "人社局"])
      expect(pdf.text).toContain(expected);
    expect(pdf.text).not.toContain("办件编号");
  });

  it("uses the English labels and content for en", async () => {
    const pdf = await readPdf((await render("en")).bytes);
    for (const expected of [
      "Receipt",
      "Case number",
      "Employment registration",
      "Human Resources and Social Security Bureau",
      "5 working days",
      "26 November 2026 10:05 (China time)",
      "张晓明",
    ]) {
      expect(pdf.text).toContain(expected.replace(/\s+/g, ""));
    }
    expect(pdf.pages).toBe(1);
  });
});

describe("the receipt against the XSS corpus", () => {
  it("prints every payload as text: the PDF still opens, with no script, action or link of its making", async () => {
    const t = await localeT("en", ["receipt", "account"]);
    const actions = /\/(JavaScript|JS|OpenAction|AA|Launch|SubmitForm|ImportData|RichMedia)\b/;
    for (const payload of xssPayloads) {
      const bytes = await renderReceiptPdf({
        locale: "en",
        case: { ...fakeCase, applicantName: payload, service: { ...fakeCase.service, nameEn: payload } },
        trackUrl: "https://onestop.example.cn/en/track",
        t,
        site,
      });
      expect(Buffer.from(bytes).toString("latin1"), payload).not.toMatch(actions);
      const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false })
        .promise;
      const page = await pdf.getPage(1);
      const links = (await page.getAnnotations()).filter((a: { url?: string }) => a.url);
      expect(
        links.every((a: { url?: string }) => a.url?.startsWith("https://onestop.example.cn/")),
        payload,
      ).toBe(true);
      await pdf.destroy();
    }
  }, 120_000);
});
