import { describe, expect, it } from "vitest";
import { Parser } from "htmlparser2";
import { renderMarkdown } from "./markdown";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

// written out here, not imported from markdown.ts: widening the sanitiser's list must fail this test
const allowedTags = new Set(
  "h2 h3 h4 h5 h6 p br hr strong em del blockquote ul ol li a code pre table thead tbody tr th td".split(" "),
);

/** Every element and attribute in the HTML, read by a real HTML parser. */
function problems(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!allowedTags.has(name)) found.push(`<${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute) || attribute === "style" || attribute === "src")
          found.push(`${name}[${attribute}]`);
        if (attribute === "href" && !/^(https?:|mailto:|tel:)/i.test(value.trim()))
          found.push(`${name}[href=${value}]`);
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

describe("the Markdown sanitiser against known XSS payloads", () => {
  it("has at least 100 payloads", () => expect(xssPayloads.length).toBeGreaterThanOrEqual(100));

  it("the checker itself catches markup", () => {
    expect(problems('<p onclick="x">a</p><script>1</script><a href="javascript:x">b</a>')).toEqual([
      "p[onclick]",
      "<script>",
      "a[href=javascript:x]",
    ]);
  });

  it.each(xssPayloads.map((p, i) => [i, p]))("payload %i never reaches the HTML as markup", (_i, payload) => {
    for (const source of [
      payload,
      `正文 ${payload} 结尾`,
      `- ${payload}`,
      `> ${payload}`,
      `| a |\n| - |\n| ${payload} |`,
    ]) {
      const html = renderMarkdown(source);
      expect(problems(html), html).toEqual([]);
    }
  });
});
