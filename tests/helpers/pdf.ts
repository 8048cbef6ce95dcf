import fs from "node:fs";
import path from "node:path";
import { createInstance, type TFunction } from "i18next";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Page count, the text of page 1 (from the embedded fonts' ToUnicode maps; whitespace dropped,
 * since wrapped lines come back as separate items) and its images as RGBA.
 */
export async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false })
    .promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items
    .map((item) => ("str" in item ? item.str : ""))
    .join("")
    .replace(/\s+/g, "");
  const operators = await page.getOperatorList();
  const images: { width: number; height: number; rgba: Uint8ClampedArray }[] = [];
  for (const [index, fn] of operators.fnArray.entries()) {
    if (fn !== OPS.paintImageXObject) continue;
    type TImage = { width: number; height: number; data: Uint8ClampedArray };
    const image = await new Promise<TImage>((resolve) =>
      page.objs.get(operators.argsArray[index][0] as string, resolve),
    );
    const pixels = image.width * image.height;
    const channels = image.data.length / pixels;
    const rgba = new Uint8ClampedArray(pixels * 4);
    for (let i = 0; i < pixels; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = image.data[i * channels + (channels === 1 ? 0 : c)];
      rgba[i * 4 + 3] = 255;
    }
    images.push({ width: image.width, height: image.height, rgba });
  }
  const result = { pages: pdf.numPages, text, images };
  await pdf.destroy();
  return result;
}

/** A translation function over the real locale files, without the server's request cache. */
export async function localeT(locale: string, namespaces: string[]): Promise<TFunction> {
  const load = (ns: string) =>
    JSON.parse(fs.readFileSync(path.resolve("locales", locale, `${ns}.json`), "utf8")) as object;
  const instance = createInstance();
  await instance.init({
    lng: locale,
    resources: { [locale]: Object.fromEntries(namespaces.map((ns) => [ns, load(ns)])) },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
