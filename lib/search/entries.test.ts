import { describe, expect, it } from "vitest";
import { documentEntry, noticeEntry, serviceEntry, typeGram } from "./entries";
import { queryGrams } from "./normalize";

const has = (grams: number[], q: string) => queryGrams(q).every((g) => grams.includes(g));

describe("search entries", () => {
  it("puts a document's 文号 and 主题词 in the heading fields and its Markdown body as plain text", () => {
    const entry = documentEntry({
      id: "d1",
      indexNo: "MZJ/2030-00001",
      title: "關於低保的通知",
      titleEn: "Notice",
      docNumber: "成民发〔2030〕7号",
      keywords: "低保 救助",
      summary: "摘要",
      body: "# 标题\n**加粗**正文",
      publishedAt: new Date("2030-01-01"),
      updatedAt: new Date(),
    });
    expect(entry).toMatchObject({
      type: "document",
      key: "MZJ/2030-00001",
      titleNorm: "关于低保的通知",
      titleEnNorm: "notice",
    });
    expect(entry.metaNorm).toContain("成民发〔2030〕7号");
    expect(entry.bodyText).toBe("摘要\n标题 加粗正文");
    expect(entry.headGrams[0]).toBe(typeGram.document);
    expect(has(entry.headGrams, "低保")).toBe(true);
    expect(has(entry.headGrams, "低")).toBe(true);
    expect(has(entry.bodyGrams, "加粗正文")).toBe(true);
  });

  it("indexes a service's materials as heading fields and its guide as body", () => {
    const entry = serviceEntry({
      id: "s1",
      code: "MZ-1",
      name: "最低生活保障申请",
      nameEn: "Minimum living allowance",
      summary: "为困难家庭",
      summaryEn: null,
      materials: [{ name: "户口簿" }],
      conditions: ["本市户籍"],
      process: ["申请"],
      legalBasis: [{ law: "社会救助暂行办法", article: "第九条", text: "..." }],
      faq: [{ q: "问", a: "答" }],
      specialSteps: null,
      resultName: "证明",
      fee: "不收费",
      updatedAt: new Date(),
    });
    expect(entry.metaNorm).toBe("mz-1\n户口簿");
    expect(has(entry.bodyGrams, "社会救助")).toBe(true);
    expect(entry.bodyGrams[0]).toBe(typeGram.service);
  });

  it("keeps a notice's validity window", () => {
    const publishedAt = new Date("2030-01-01");
    const expiresAt = new Date("2030-02-01");
    expect(
      noticeEntry({
        id: "n1",
        title: "停水",
        titleEn: null,
        body: "正文",
        source: "社区",
        publishedAt,
        expiresAt,
        updatedAt: new Date(),
      }),
    ).toMatchObject({ visibleFrom: publishedAt, visibleUntil: expiresAt, key: "n1" });
  });
});
