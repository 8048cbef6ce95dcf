import * as OpenCC from "opencc-js";
import type { TLocale } from "./settings";
import { processWide } from "../shared/processWide";

/**
 * zh-Hant is written the Taiwan way: OpenCC's Simplified → Traditional (Taiwan) characters (爲 → 為,
 * 裏 → 裡, 羣 → 群), then the phrases Taiwan writes differently. Taiwan rather than Hong Kong because
 * `zh-Hant` without a region means Taiwan (CLDR's likely subtags) and OpenCC's Hong Kong phrase
 * table is still small. Not OpenCC's whole Taiwan phrase table (`twp`): it is a computing glossary
 * that turns 社区 into 社群, 服务对象 into 服務物件, 信用代码 into 信用程式碼, 发布 into 釋出 and
 * 注销 into 登出, all wrong on a government portal; these are the entries that read right here.
 * Titles in 《》 (laws, regulations) keep their wording: only their characters are converted.
 */
const taiwanPhrases: [string, string][] = [
  ["信息", "資訊"],
  ["在線", "線上"],
  ["退出登錄", "登出"],
  ["登錄", "登入"],
  ["網絡", "網路"],
  ["軟件", "軟體"],
  ["視頻", "影片"],
  ["打印", "列印"],
  ["默認", "預設"],
  ["用戶", "使用者"],
  ["數據庫", "資料庫"],
  ["數據", "資料"],
  ["鏈接", "連結"],
  ["搜索", "搜尋"],
  ["發送", "傳送"],
  ["設備", "裝置"],
  ["聯繫", "聯絡"],
  ["導出", "匯出"],
  ["創建", "建立"],
  ["添加", "新增"],
  ["密鑰", "金鑰"],
  ["哈希", "雜湊"],
  ["服務器", "伺服器"],
  ["文件夾", "資料夾"],
  ["字符", "字元"],
  ["知識產權", "智慧財產權"],
  ["短信息", "簡訊"],
  ["短信", "簡訊"],
  ["出租車", "計程車"],
  ["鼠標", "滑鼠"],
  ["打開", "開啟"],
  ["賬號", "帳號"],
  ["賬戶", "帳戶"],
  ["發佈", "發布"],
  ["接口", "介面"],
];
/**
 * The converters and the kept results, one set per process (lib/shared/processWide.ts) and made on
 * the first conversion: Simplified → Taiwan alone is 40 MB of trie, and the build copies this
 * module into the chunks of most routes.
 */
const conversion = () =>
  processWide("i18n.taiwanConversion", () => ({
    taiwanWording: OpenCC.CustomConverter(taiwanPhrases),
    simplifiedToTaiwan: OpenCC.Converter({ from: "cn", to: "tw" }),
    traditionalToTaiwan: OpenCC.Converter({ from: "t", to: "tw" }),
    // Conversion walks the text through OpenCC's dictionaries on every call; the same titles,
    // names and clauses come back on every page view, so the last few thousand results are kept
    // (oldest dropped first), for texts short enough that keeping them costs little.
    converted: new Map<string, string>(),
  }));
const keptTexts = 5000;
const keptLength = 2000;

/** Converts outside 《》 titles with `convert` then Taiwan's phrases; inside them, characters only. */
function withTitlesKept(text: string, convert: (text: string) => string): string {
  const { taiwanWording } = conversion();
  return text
    .split(/(《[^《》]*》)/)
    .map((part, index) => (index % 2 ? convert(part) : taiwanWording(convert(part))))
    .join("");
}

function toTraditional(text: string): string {
  const { simplifiedToTaiwan, converted } = conversion();
  if (text.length > keptLength) return withTitlesKept(text, simplifiedToTaiwan);
  const known = converted.get(text);
  if (known !== undefined) return known;
  const result = withTitlesKept(text, simplifiedToTaiwan);
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

/** Converts Simplified Chinese to Traditional, Taiwan wording (zh-Hant content and locale files). */
export function toHant(text: string): string {
  return toTraditional(text);
}

/**
 * Brings text already in Traditional Chinese (a person's translation, or an older conversion to
 * OpenCC's standard forms) to the same Taiwan forms and wording as `toHant`. Idempotent.
 */
export function toTaiwanForm(text: string): string {
  return withTitlesKept(text, conversion().traditionalToTaiwan);
}
