import { XMLParser, XMLValidator } from "fast-xml-parser";

type TNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** What a real XML parser reads from a document: every element (with its attributes) and text. */
export type TXmlRead = {
  /** null when well-formed, else the parser's complaint */
  error: string | null;
  elements: { name: string; attributes: Record<string, string>; text: string }[];
};

/** Characters XML 1.0 forbids; the validator does not look for them, so the tests do. */
const forbidden =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Parses with fast-xml-parser, keeping order, text exactly as written and every attribute. */
export function readXml(xml: string): TXmlRead {
  if (forbidden.test(xml)) return { error: "a character XML 1.0 forbids", elements: [] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `${valid.err.code}: ${valid.err.msg}`, elements: [] };
  const tree = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // numeric character references (`&#13;`) are decoded only with this on
    htmlEntities: true,
  }).parse(xml) as TNode[];
  const elements: TXmlRead["elements"] = [];
  const textOf = (nodes: TNode[]): string =>
    nodes.map((n) => (typeof n["#text"] === "string" ? n["#text"] : textOf(childrenOf(n)))).join("");
  const childrenOf = (node: TNode): TNode[] => {
    const key = Object.keys(node).find((k) => k !== ":@");
    return key && Array.isArray(node[key]) ? (node[key] as TNode[]) : [];
  };
  const walk = (nodes: TNode[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ":@");
      if (!name || name === "#text" || name === "?xml") continue;
      elements.push({ name, attributes: node[":@"] ?? {}, text: textOf(childrenOf(node)) });
      walk(childrenOf(node));
    }
  };
  walk(tree);
  return { error: null, elements };
}
