import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localText, toHant, toTaiwanForm } from "./content";

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : strings(v)));

describe("zh-Hant in Taiwan forms and wording", () => {
  it("converts characters and the phrases Taiwan writes differently", () => {
    expect(toHant("为人民服务，在线办理政府信息公开申请")).toBe("為人民服務，線上辦理政府資訊公開申請");
    expect(toHant("登录后查看短信，退出登录")).toBe("登入後查看簡訊，登出");
    expect(toHant("里面的群众着急")).toBe("裡面的群眾著急");
  });

  it("keeps the words OpenCC's computing glossary would get wrong on a government portal", () => {
    expect(toHant("社区公告、服务对象、统一社会信用代码、发布机构、注销账号、办事程序")).toBe(
      "社區公告、服務對象、統一社會信用代碼、發布機構、註銷帳號、辦事程序",
    );
  });

  it("keeps the titles of laws as they are named, converting only their characters", () => {
    expect(toHant("依据《中华人民共和国政府信息公开条例》公开政府信息")).toBe(
      "依據《中華人民共和國政府信息公開條例》公開政府資訊",
    );
  });

  it("brings older conversions and people's translations to the same forms, and is idempotent", () => {
    expect(toTaiwanForm("爲人民服務，在線信息，羣衆裏面")).toBe("為人民服務，線上資訊，群眾裡面");
    const once = toHant("在线申请政府信息公开，爲民服务");
    expect(toTaiwanForm(once)).toBe(once);
  });

  it("is what zh-Hant pages show of content, and every zh-Hant locale string is already in that form", () => {
    expect(localText("zh-Hant", "在线办理", "Apply online")).toEqual({ text: "線上辦理", lang: "zh-Hant" });
    const dir = path.resolve("locales/zh-Hant");
    for (const file of fs.readdirSync(dir)) {
      const tree = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
      const off = strings(tree).filter((s) => toTaiwanForm(s) !== s);
      // run `npx tsx scripts/i18n/make-hant.ts` to bring new strings to Taiwan forms
      expect(off, `zh-Hant/${file}`).toEqual([]);
    }
  });
});
