import { describe, expect, it } from "vitest";
import { xmlDocument, xmlElement, xmlResponse, xmlText } from "./xml";
import { readXml } from "../../tests/helpers/readXml";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

/** What XML can carry of `text`: the characters it forbids (and C1 controls) are dropped. */
const carried = (text: string) =>
  text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "",
  );

const awkward = [
  ...xssPayloads,
  "]]>]]>]]>",
  "a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\u007fh\u0085i",
  "tab\tnewline\ncr\r",
  "lone \ud800 high, lone \udfff low, pair 😀, \ufffe\uffff",
  "\"quotes\" and 'apostrophes' & ampersands &amp; &#60; &lt;",
  "<?xml-stylesheet href='x'?><!DOCTYPE x><!-- c -->",
];

describe("the XML writer", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(xmlText("]]>")).toBe("]]&gt;");
    expect(xmlText("a\u0000\u0001\u000b\ufffe\ud800b")).toBe("ab");
    expect(xmlText("😀\t\n\r")).toBe("😀\t\n&#13;");
    expect(xmlText("\t\n\r", true)).toBe("&#9;&#10;&#13;");
  });

  it.each(awkward.map((text, i) => [i, text]))(
    "text %i comes back as text from element content and attributes",
    (_i, text) => {
      const xml = xmlDocument(
        xmlElement("root", { a: text }, xmlElement("item", {}, xmlElement("title", { b: text }, text))),
      );
      const read = readXml(xml);
      expect(read.error, xml).toBeNull();
      expect(read.elements.map((e) => e.name)).toEqual(["root", "item", "title"]);
      const title = read.elements[2];
      expect(title.text).toBe(carried(text));
      expect(read.elements[0].attributes.a).toBe(carried(text));
      expect(title.attributes.b).toBe(carried(text));
    },
  );

  it("answers with a policy that lets nothing run or load", () => {
    const response = xmlResponse("<x/>", { contentType: "application/xml", cacheControl: "no-store" });
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  });
});
