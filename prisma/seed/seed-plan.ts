import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

/**
 * The city informatization plan (the seed text, in Traditional script) as a Simplified
 * Markdown document: 一、 headings become ##, （一） headings ###, and the full-width
 * indents that separate paragraphs become blank lines.
 */
export function seedPlanMarkdown(): { title: string; body: string } {
  const file = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "content",
    "chengdu-informatization-plan.zh-Hant.txt",
  );
  const lines = toSimplified(fs.readFileSync(file, "utf8"))
    .split(/\r?\n/)
    .map((line) => line.trim());
  const [title, ...rest] = lines;
  const out: string[] = [];
  for (const line of rest) {
    if (!line) continue;
    const [head, ...paragraphs] = line
      .split(/\u3000\u3000+/)
      .map((part) => part.trim())
      .filter(Boolean);
    if (/^[一二三四五六七八九十]+、/.test(head) && head.length < 40)
      out.push(`## ${head.replace(/。$/, "")}`);
    else if (/^（[一二三四五六七八九十]+）/.test(head) && head.length < 40)
      out.push(`### ${head.replace(/。$/, "")}`);
    else if (/^（[一二三四五六七八九十]+）/.test(head)) {
      const match = head.match(/^(（[一二三四五六七八九十]+）[^。]{1,30}。)(.*)$/);
      if (match) out.push(`### ${match[1].replace(/。$/, "")}`, match[2]);
      else out.push(head);
    } else out.push(head);
    out.push(...paragraphs);
  }
  return { title: title.replace(/^\uFEFF/, ""), body: out.filter(Boolean).join("\n\n") };
}
