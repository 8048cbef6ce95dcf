/**
 * A small XML writer for the feeds and sitemaps. Every text and attribute value goes through
 * `xmlText`, so nothing a user wrote can close an element, open one or end a section: markup
 * characters are escaped (never wrapped in CDATA, whose terminator can itself be smuggled in), and
 * characters XML 1.0 does not allow are dropped, so the document is always well-formed.
 */

/**
 * Characters an XML 1.0 document may not contain (C0 controls other than tab, newline and carriage
 * return; U+FFFE and U+FFFF; unpaired surrogates), and the C1 controls and DEL it discourages.
 */
const notXmlCharacters =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const references: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Text safe as element content or as a quoted attribute value. Carriage returns (and, in
 * attributes, tabs and line feeds) are written as references, which a parser keeps as they are
 * instead of normalising them away.
 */
export function xmlText(text: string, inAttribute = false): string {
  return text
    .replace(notXmlCharacters, "")
    .replace(inAttribute ? /[&<>"'\t\n\r]/g : /[&<>"'\r]/g, (c) => references[c]);
}

export type TXmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly (TXmlElement | string)[];
};

/**
 * An element. `name` and the attribute names come from our code, never from input; text children
 * and attribute values may be anything. Undefined attributes and children are left out.
 */
export function xmlElement(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: (TXmlElement | string | undefined | null)[]
): TXmlElement {
  return { name, attributes, children: children.filter((c): c is TXmlElement | string => c != null) };
}

const hasElements = (node: TXmlElement | string): node is TXmlElement =>
  typeof node !== "string" && node.children.some((child) => typeof child !== "string");

/** Compact, with a line for each child of an element that holds elements of elements (an item, a url). */
function serialize(element: TXmlElement): string {
  const attributes = Object.entries(element.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlText(value, true)}"`)
    .join("");
  if (!element.children.length) return `<${element.name}${attributes}/>`;
  const separator = element.children.some(hasElements) ? "\n" : "";
  const inner = element.children.map((child) =>
    typeof child === "string" ? xmlText(child) : serialize(child),
  );
  return `<${element.name}${attributes}>${separator}${inner.join(separator)}${separator}</${element.name}>`;
}

/**
 * The whole document, with its declaration and, when given, the XSL stylesheet a browser renders
 * it with (an `xml-stylesheet` processing instruction; the address is escaped like any attribute).
 */
export function xmlDocument(root: TXmlElement, options: { stylesheet?: string } = {}): string {
  const stylesheet = options.stylesheet
    ? `<?xml-stylesheet type="text/xsl" href="${xmlText(options.stylesheet, true)}"?>\n`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${stylesheet}${serialize(root)}\n`;
}

/**
 * The policy of a feed or sitemap. The document is data, never a page: a policy that allows
 * nothing keeps a browser that opens it from running or loading anything, should markup ever get in.
 * proxy.ts sends the same on every `.xml` path.
 */
export const xmlContentSecurityPolicy = "default-src 'none'";

/** The response for a feed or sitemap, with its own policy (allowing nothing unless told otherwise). */
export function xmlResponse(
  xml: string,
  headers: { contentType: string; cacheControl: string; contentSecurityPolicy?: string },
): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": `${headers.contentType}; charset=utf-8`,
      "Cache-Control": headers.cacheControl,
      "Content-Security-Policy": headers.contentSecurityPolicy ?? xmlContentSecurityPolicy,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
