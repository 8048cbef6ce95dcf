import { describe, expect, it } from "vitest";
import { detectType, sanitizeFileName } from "./detectType";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectType", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(detectType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(detectType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
  });
  it("refuses anything else, whatever it is called", () => {
    expect(detectType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(detectType(bytes(0x4d, 0x5a))).toBeNull(); // an .exe
    expect(detectType(bytes())).toBeNull();
  });
});

describe("sanitizeFileName", () => {
  it("keeps a readable name with the extension of the real type", () => {
    expect(sanitizeFileName("身份证 正面.PDF", "application/pdf")).toBe("身份证 正面.pdf");
    expect(sanitizeFileName("photo.pdf", "image/png")).toBe("photo.png");
  });
  it("drops paths, control characters, invisible characters and markup", () => {
    expect(sanitizeFileName("invoice\u202efdp.exe", "application/pdf")).toBe("invoicefdp.pdf");
    expect(sanitizeFileName("\u200b身份证\u2066正面\u2069\u0007.jpg", "image/jpeg")).toBe("身份证正面.jpg");
    expect(sanitizeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\a\\<script>x.jpg", "image/jpeg")).toBe("scriptx.jpg");
    expect(sanitizeFileName("", "image/jpeg")).toBe("file.jpg");
  });
  it("cuts a long name by characters, never through one written as two UTF-16 units", () => {
    const name = sanitizeFileName(`a${"😀".repeat(100)}.pdf`, "application/pdf");
    expect(name).toBe(`a${"😀".repeat(89)}.pdf`);
    expect(name.isWellFormed()).toBe(true);
  });
});
