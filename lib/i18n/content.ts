import * as OpenCC from "opencc-js";
import type { TLocale } from "./settings";

// OpenCC's data, Simplified (mainland) → standard Traditional (OpenCC "t").
const convert = OpenCC.Converter({ from: "cn", to: "t" });

// Conversion walks the text through OpenCC's dictionaries on every call; the same titles, names
// and clauses come back on every page view, so the last few thousand results are kept (oldest
// dropped first), for texts short enough that keeping them costs little.
const converted = new Map<string, string>();
const keptTexts = 5000;
const keptLength = 2000;
function toTraditional(text: string): string {
  if (text.length > keptLength) return convert(text);
  const known = converted.get(text);
  if (known !== undefined) return known;
  const result = convert(text);
  if (converted.size >= keptTexts) converted.delete(converted.keys().next().value as string);
  converted.set(text, result);
  return result;
}

/** Content text for a locale with the language it is really in (for a `lang` attribute). */
export type TLocalText = { text: string; lang: TLocale };

/**
 * Shows content authored in Simplified Chinese in the visitor's locale: a stored English
 * translation for `en` (Chinese otherwise, marked as such), OpenCC conversion for `zh-Hant`.
 */
export function localText(locale: TLocale, zh: string, en?: string | null): TLocalText {
  if (locale === "en") return en ? { text: en, lang: "en" } : { text: zh, lang: "zh-Hans" };
  if (locale === "zh-Hant") return { text: toTraditional(zh), lang: "zh-Hant" };
  return { text: zh, lang: "zh-Hans" };
}

/** Shorthand when only the text is needed. */
export function lt(locale: TLocale, zh: string, en?: string | null): string {
  return localText(locale, zh, en).text;
}

/** Converts Simplified Chinese to Traditional (used for zh-Hant content and locale files). */
export function toHant(text: string): string {
  return toTraditional(text);
}
