import { describe, expect, it } from "vitest";
import i18next from "i18next";
import { locales } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { labelInSentence, messageForCode } from "./errorCode";

async function messagesFor(locale: string, staff = false) {
  const errors = (await import(`../../locales/${locale}/errors.json`)).default;
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: locale,
    resources: { [locale]: { errors } },
    interpolation: { escapeValue: false },
  });
  return errorMessages(i18n.t, { staff });
}

describe("field error messages", () => {
  it("name the field and say what to do, in the words of its kind", async () => {
    const zh = await messagesFor("zh-Hans");
    const en = await messagesFor("en");
    const idCard = { label: "公民身份号码", kind: "input" } as const;
    expect(messageForCode(zh, "required", idCard)).toBe("请输入公民身份号码");
    expect(messageForCode(en, "required", { label: "ID card number", kind: "input" })).toBe(
      "Enter your ID card number",
    );
    expect(messageForCode(en, "required", { label: "Full name", kind: "input" })).toBe(
      "Enter your full name",
    );
    expect(messageForCode(zh, "required", { label: "就业形式", kind: "choice" })).toBe("请选择就业形式");
    expect(messageForCode(zh, "choose", { label: "受理机关", kind: "choice" })).toBe("请选择受理机关");
    expect(messageForCode(en, "choose", { label: "Office", kind: "choice" })).toBe("Select your office");
    expect(messageForCode(zh, "fileRequired", { label: "身份证复印件", kind: "file" })).toBe(
      "请上传身份证复印件",
    );
    expect(messageForCode(en, "required", { label: "Copy of ID card", kind: "file" })).toBe(
      "Upload your copy of ID card",
    );
    expect(messageForCode(zh, "chooseAtLeastOne", { label: "服务区域", kind: "multi" })).toBe(
      "请至少选择一项服务区域",
    );
  });

  it("say what format is expected, with the field and any limit", async () => {
    const zh = await messagesFor("zh-Hans");
    const en = await messagesFor("en");
    expect(messageForCode(zh, "idCardInvalid", { label: "公民身份号码", kind: "input" })).toMatch(
      /^公民身份号码有误：应为 18 位居民身份证号码/,
    );
    expect(messageForCode(en, "mobileInvalid", { label: "Mobile phone", kind: "input" })).toBe(
      "Mobile phone must be an 11-digit mainland China mobile number, like 13800138000",
    );
    expect(messageForCode(zh, "tooLongMax|50", { label: "单位名称", kind: "input" })).toBe(
      "单位名称最多 50 个字，请删减",
    );
    expect(messageForCode(en, "dateFormat", { label: "Employment start date", kind: "input" })).toContain(
      "Employment start date must be a real date",
    );
    expect(messageForCode(en, "fileTooLarge|10", { label: "Copy of ID card", kind: "file" })).toBe(
      "Copy of ID card must be smaller than 10 MB: make it smaller and upload it again",
    );
  });

  it("use a field's own name where its label is a question, and ask staff for 'the' field", async () => {
    const en = await messagesFor("en");
    expect(
      messageForCode(en, "required", {
        label: "What information do you want?",
        kind: "input",
        name: "description of the information you want",
      }),
    ).toBe("Enter your description of the information you want");
    const staff = await messagesFor("en", true);
    expect(messageForCode(staff, "required", { label: "Title", kind: "input" })).toBe("Enter the title");
  });

  it("keep a key's own message without a field, or for a key without a template", async () => {
    const zh = await messagesFor("zh-Hans");
    expect(messageForCode(zh, "required")).toBe("请填写此项");
    expect(messageForCode(zh, "passwordMismatch", { label: "确认密码", kind: "input" })).toBe(
      "两次输入的密码不一致",
    );
    // a label is text, never a replacement pattern
    expect(messageForCode(zh, "required", { label: "金额$&", kind: "input" })).toBe("请输入金额$&");
  });

  it("has a template in every locale for every field message (no English left in Chinese)", async () => {
    for (const locale of locales) {
      const messages = await messagesFor(locale);
      const templates = Object.entries(messages).filter(([key]) => key.startsWith("field."));
      expect(templates.length).toBeGreaterThan(20);
      for (const [key, text] of templates) {
        expect(text, `${locale} ${key}`).toMatch(/\{\{[Ff]ield\}\}/);
        if (locale !== "en") expect(text, `${locale} ${key}`).not.toMatch(/Enter|must/);
      }
    }
  });

  it("lowers only a capitalised word at the start of an English label", () => {
    expect(labelInSentence("Full name")).toBe("full name");
    expect(labelInSentence("ID card number")).toBe("ID card number");
    expect(labelInSentence("公民身份号码")).toBe("公民身份号码");
    // a label that is an instruction is named by its object
    expect(labelInSentence("Enter the password again")).toBe("password again");
    expect(labelInSentence("Enter your password to confirm")).toBe("password to confirm");
    expect(labelInSentence("Your letter")).toBe("letter");
  });
});
