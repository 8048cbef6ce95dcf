import { describe, expect, it } from "vitest";
import { contentDisposition } from "./contentDisposition";

describe("contentDisposition", () => {
  it("keeps a plain ASCII name as it is", () => {
    expect(contentDisposition("attachment", "cases.csv")).toBe(
      `attachment; filename="cases.csv"; filename*=UTF-8''cases.csv`,
    );
  });
  it("never lets a name end the quoted string or the header", () => {
    const header = contentDisposition("attachment", 'a"; filename="evil.html\r\nSet-Cookie: x=1\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const quoted = /filename="([^"]*)"/.exec(header)?.[1];
    expect(quoted).toBe("a_; filename=_evil.html__Set-Cookie: x=1_.pdf");
    expect(header.split('"')).toHaveLength(3);
  });
  it("carries a Chinese name percent-encoded, with an ASCII stand-in", () => {
    expect(contentDisposition("inline", "答复书.pdf")).toBe(
      `inline; filename="___.pdf"; filename*=UTF-8''%E7%AD%94%E5%A4%8D%E4%B9%A6.pdf`,
    );
  });
  it("never throws on half of a surrogate pair", () => {
    expect(contentDisposition("attachment", "a\ud83d.pdf")).toBe(
      `attachment; filename="a_.pdf"; filename*=UTF-8''a%EF%BF%BD.pdf`,
    );
  });
});
