import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { renderResultPdf, resultVerifyUrl } from "./resultPdf";
import { maskedName, normaliseVerificationCode, resultWording, type TResultDocument } from "./resultDocument";
import type { TLocale } from "../i18n/settings";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";
import { localeT, readPdf } from "../../tests/helpers/pdf";

const issued: TResultDocument = {
  verificationCode: "K7M2QXABCDEFGH23",
  kind: "approval",
  serviceType: "LICENSING",
  issuedAt: new Date("2026-12-01T03:00:00Z"),
  facts: {
    trackingNumber: "SV20261126000123",
    serviceName: "劳务派遣经营许可",
    serviceNameEn: "Labour dispatch business licence",
    departmentName: "人社局",
    departmentNameEn: "Human Resources and Social Security Bureau",
    holderName: "成都示例人力资源有限公司",
    // 16:30 UTC is already 12月1日 in China
    decidedAt: "2026-11-30T16:30:00Z",
    reason: null,
  },
};

async function render(locale: TLocale, document: TResultDocument = issued) {
  const verifyUrl = resultVerifyUrl({
    origin: "https://onestop.example.cn/",
    locale,
    code: document.verificationCode,
  });
  const bytes = await renderResultPdf({
    locale,
    document,
    verifyUrl,
    t: await localeT(locale, ["result"]),
    siteName: "测试市一站式服务门户",
  });
  return { pdf: await readPdf(bytes), verifyUrl, bytes };
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("resultWording", () => {
  it("grants and refuses a licence only for 行政许可, registers a 公共服务, and refuses the rest plainly", () => {
    expect(resultWording("LICENSING", "approval")).toBe("licensingApproval");
    expect(resultWording("LICENSING", "denial")).toBe("licensingDenial");
    expect(resultWording("PUBLIC_SERVICE", "approval")).toBe("registration");
    expect(resultWording("PUBLIC_SERVICE", "denial")).toBe("denial");
    expect(resultWording("FILING", "approval")).toBe("filing");
    expect(resultWording("CONFIRMATION", "approval")).toBe("confirmation");
  });
});

describe("verification codes", () => {
  it("forgive spaces, hyphens and lower case, and refuse anything else", () => {
    expect(normaliseVerificationCode(" k7m2-qxab-cdef-gh23 ")).toBe("K7M2QXABCDEFGH23");
    expect(normaliseVerificationCode("K7M2QXABCDEFGH2")).toBeNull();
    // 0, 1, I, L and O are not in the alphabet
    expect(normaliseVerificationCode("K7M2QXABCDEFGH20")).toBeNull();
  });

  it("show only the first and last character of a name", () => {
    expect(maskedName("张晓明")).toBe("张*明");
    expect(maskedName("李四")).toBe("李*");
    expect(maskedName("欧阳娜娜")).toBe("欧**娜");
  });
});

describe("renderResultPdf", () => {
  it("writes the licence decision with its legal basis, the date in China time and the grouped code", async () => {
    const { pdf } = await render("zh-Hans");
    expect(pdf.pages).toBe(1);
    for (const expected of [
      "人社局",
      "准予行政许可决定书",
      "办件编号：SV20261126000123",
      "成都示例人力资源有限公司",
      "劳务派遣经营许可",
      "第三十八条第一款",
      "决定准予行政许可",
      "2026年12月1日",
      "文书验证码：K7M2-QXAB-CDEF-GH23",
    ])
      expect(pdf.text).toContain(squeeze(expected));
    expect(pdf.text).not.toContain("不予");
    expect(pdf.text).not.toContain("行政复议");
  });

  it("gives a refusal its reason and the remedies, and a 公共服务 no licence wording", async () => {
    const refused = await render("zh-Hans", {
      ...issued,
      kind: "denial",
      facts: { ...issued.facts, reason: "派遣资金不足二百万元" },
    });
    for (const expected of [
      "不予行政许可决定书",
      "第三十八条第二款",
      "理由：派遣资金不足二百万元",
      "六十日内",
      "行政诉讼",
    ])
      expect(refused.pdf.text).toContain(squeeze(expected));
    expect(refused.pdf.text).toContain(squeeze("（印章）"));
    const named = await render("zh-Hans", {
      ...issued,
      kind: "denial",
      facts: {
        ...issued.facts,
        reason: "不符合条件",
        reviewBody: "成都市人民政府",
        court: "成都铁路运输法院",
      },
    });
    for (const expected of ["向成都市人民政府申请行政复议", "向成都铁路运输法院提起行政诉讼"])
      expect(named.pdf.text).toContain(squeeze(expected));
    const registered = await render("zh-Hans", { ...issued, serviceType: "PUBLIC_SERVICE" });
    expect(registered.pdf.text).toContain("办理结果通知书");
    expect(registered.pdf.text).toContain("予以登记");
    expect(registered.pdf.text).not.toContain("许可决定");
  });

  it("speaks English on English pages", async () => {
    const { pdf } = await render("en");
    expect(pdf.text).toContain(squeeze("Decision to grant an administrative licence"));
    expect(pdf.text).toContain(squeeze("Labour dispatch business licence"));
    expect(pdf.text).toContain(squeeze("1 December 2026"));
  });

  it("carries a QR code that opens the check page with the code", async () => {
    const { pdf, verifyUrl } = await render("zh-Hans");
    expect(verifyUrl).toBe("https://onestop.example.cn/zh-Hans/verify?code=K7M2-QXAB-CDEF-GH23");
    const decoded = pdf.images.map((image) => jsQR(image.rgba, image.width, image.height)?.data);
    expect(decoded).toContain(verifyUrl);
  });

  it("writes hostile reasons and names as plain text, with no action or link of theirs", async () => {
    for (const payload of xssPayloads.slice(0, 20)) {
      const { pdf, bytes } = await render("en", {
        ...issued,
        kind: "denial",
        facts: { ...issued.facts, holderName: payload, reason: payload },
      });
      expect(pdf.text, payload).toContain(squeeze(`Reason：${payload}`));
      expect(Buffer.from(bytes).toString("latin1"), payload).not.toMatch(
        /\/(JavaScript|JS|Launch|URI|SubmitForm)\b/,
      );
    }
  }, 60_000);
});
