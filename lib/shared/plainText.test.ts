import { describe, expect, it } from "vitest";
import { lineField, textField, withoutInvisibles } from "./plainText";
import { ZNoticeInput } from "../notices/writeNotice";
import { ZTokenName } from "../users/apiTokens";
import { ZRegister } from "../auth/schema";
import { fieldSchema } from "../services/answers";

const invisibles = [
  ...["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"], // embeddings and overrides
  ...["\u2066", "\u2067", "\u2068", "\u2069"], // isolates
  ...["\u200e", "\u200f", "\u061c"], // direction marks
  ...["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"], // zero width, word joiner, byte order mark
  ...["\u0000", "\u0001", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f"], // controls
];

describe("withoutInvisibles", () => {
  it.each(invisibles.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, "0"), c]))(
    "removes U+%s from a line and from multi-line text",
    (_code, c) => {
      expect(withoutInvisibles(`发${c}票${c}.pdf`)).toBe("发票.pdf");
      expect(withoutInvisibles(`第一行${c}\n第二行`, { multiline: true })).toBe("第一行\n第二行");
    },
  );

  it("undoes a right-to-left override that disguises an extension", () => {
    expect(withoutInvisibles("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
  });

  it("keeps line breaks and tabs in multi-line text and makes them spaces in a line", () => {
    expect(withoutInvisibles("a\tb\r\nc", { multiline: true })).toBe("a\tb\r\nc");
    expect(withoutInvisibles("a\tb\r\nc")).toBe("a b  c");
  });

  it("leaves ordinary text of every script alone", () => {
    for (const text of [
      "政务服务 一网通办",
      "政務服務",
      "Employment registration",
      "مرحبا",
      "שלום",
      "😀👍",
      "a–b — «c»",
    ])
      expect(withoutInvisibles(text, { multiline: true })).toBe(text);
  });
});

describe("form fields clean their text before checking it", () => {
  it("trims after cleaning, so an invisible-only value is empty", () => {
    expect(lineField().parse(" \u200b标题\u202e ")).toBe("标题");
    expect(lineField().min(1).safeParse("\u200b\u202e\u2066").success).toBe(false);
    expect(textField().parse("\u202e正文\n第二段\u200b")).toBe("正文\n第二段");
  });

  it("applies to notice titles and bodies, token names, account names and form answers", () => {
    const notice = ZNoticeInput.shape;
    expect(notice.title.parse("停水\u202e通知")).toBe("停水通知");
    expect(notice.titleEn.parse("Water\u200b cut")).toBe("Water cut");
    expect(notice.source.parse("街道\u2066办")).toBe("街道办");
    expect(notice.body.parse("第一段\u202e\n\n第二段")).toBe("第一段\n\n第二段");
    expect(ZTokenName.parse("备份\u202e脚本")).toBe("备份脚本");
    expect(ZRegister.shape.name.parse("王\u200d芳")).toBe("王芳");
    expect(
      fieldSchema({ name: "n", type: "text", label: { zh: "名", en: "n" }, required: true } as never).parse(
        "王\u202e芳",
      ),
    ).toBe("王芳");
  });
});
