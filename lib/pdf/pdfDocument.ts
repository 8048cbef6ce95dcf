import "server-only";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { TLocale } from "../i18n/settings";

type TFontFiles = { regular: string; bold: string; regularFamily?: string; boldFamily?: string };

const notoSansSc = (weight: string, file: string) =>
  path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", weight, file);

// The npm package ships Noto Sans SC as TrueType (OFL), so `npm ci` is enough; it covers the
// whole CJK Unified Ideographs block, Traditional characters included. Debian's
// fonts-noto-cjk is the fallback. Both are subset when embedded, so a document stays small.
const fontChoices: TFontFiles[] = [
  {
    regular: notoSansSc("400Regular", "NotoSansSC_400Regular.ttf"),
    bold: notoSansSc("700Bold", "NotoSansSC_700Bold.ttf"),
  },
  {
    regular: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    bold: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    regularFamily: "NotoSansCJKsc-Regular",
    boldFamily: "NotoSansCJKsc-Bold",
  },
];

type TLoadedFonts = { regular: Buffer; bold: Buffer; regularFamily?: string; boldFamily?: string };

let loadedFonts: TLoadedFonts | undefined;

/** The Chinese fonts for PDFs (npm package first, Debian fonts-noto-cjk as fallback), loaded once. */
function cjkFonts(): TLoadedFonts {
  if (loadedFonts) return loadedFonts;
  const found = fontChoices.find((choice) => fs.existsSync(choice.regular) && fs.existsSync(choice.bold));
  if (!found) {
    throw new Error(
      `No Chinese font for PDFs: looked for ${fontChoices.map((c) => c.regular).join(" and ")}. ` +
        "Run `npm ci` (package @expo-google-fonts/noto-sans-sc) or install the Debian package fonts-noto-cjk.",
    );
  }
  loadedFonts = { ...found, regular: fs.readFileSync(found.regular), bold: fs.readFileSync(found.bold) };
  return loadedFonts;
}

/**
 * An A4 PDFKit document in a locale with the Chinese fonts registered as `body` and `heading`,
 * and `finish()`, which ends it and resolves to its bytes.
 */
export function createPdfDocument(input: { locale: TLocale; margin: number; info: PDFKit.DocumentInfo }): {
  doc: PDFKit.PDFDocument;
  finish: () => Promise<Uint8Array<ArrayBuffer>>;
} {
  const fonts = cjkFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: input.margin,
    lang: input.locale,
    displayTitle: true,
    info: input.info,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("body", fonts.regular, fonts.regularFamily);
  doc.registerFont("heading", fonts.bold, fonts.boldFamily);
  return {
    doc,
    finish: async () => {
      doc.end();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

/**
 * A QR code at `left`/`top` with a bold heading beside it, `gap` points to its right and `drop`
 * below its top, and the body font set for the text that follows it (`body.size`, `body.lines`
 * lines below the heading); returns where that text goes (`width`: the page's content width).
 */
export function qrBeside(
  doc: PDFKit.PDFDocument,
  code: { qr: Buffer; size: number; left: number; top: number; width: number; gap: number },
  heading: { text: string; size: number; drop: number },
  body: { lines: number; size: number },
): { textLeft: number; textWidth: number } {
  doc.image(code.qr, code.left, code.top, { width: code.size, height: code.size });
  const textLeft = code.left + code.size + code.gap;
  const textWidth = code.width - code.size - code.gap;
  doc
    .font("heading")
    .fontSize(heading.size)
    .text(heading.text, textLeft, code.top + heading.drop, { width: textWidth });
  doc.moveDown(body.lines);
  doc.font("body").fontSize(body.size);
  return { textLeft, textWidth };
}
