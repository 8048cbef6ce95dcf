import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { readXml } from "../helpers/readXml";
import { xssPayloads } from "../fixtures/xss-payloads";
import type { TSessionUser } from "@/lib/auth/types";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { applyLetterStep, type TLetterStepInput } from "@/lib/letters/applyLetterStep";
import { publishedLetters, readLetter } from "@/lib/letters/queries";
import { lettersRss } from "@/lib/letters/feed";
import { redactLetter } from "@/lib/letters/redact";
import { searchPortal } from "@/lib/search/queries";
import { ZSearchQuery } from "@/lib/search/schema";
import { localText } from "@/lib/i18n/content";
import { locales, type TLocale } from "@/lib/i18n/settings";
import { GET as lettersFeed } from "@/app/[locale]/letters/feed.xml/route";
import { GET as sitemap } from "@/app/sitemap.xml/route";
import { GET as searchApi } from "@/app/api/v1/search/route";
import { WrittenText } from "@/components/ui/LocalText";
import { Marked } from "@/components/search/Marked";

/**
 * The XSS corpus through a letter's publication: every payload written as a letter's subject,
 * content and attachment name, answered in the reply, published (the detector's redacted copy, and
 * a handler's reviewed copy), then read back where the public reads it — the letter page and the
 * list (their text components rendered and parsed as HTML), the RSS feed and the sitemap (parsed
 * strictly as XML) and the portal's search (the API's JSON and the page's marked excerpts).
 * The browser test (tests/e2e/security/letter-published-xss.spec.ts) opens one such page.
 */

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

/** The payloads in groups that fit one letter: a subject of 100 characters, 5 files. */
function groups(payloads: string[]): string[][] {
  const out: string[][] = [];
  for (const payload of payloads) {
    const fits = (group: string[]) =>
      group.length < 5 && [...group, payload].join(" ").length <= 100 && payload.length <= 100;
    const group = out.find(fits);
    if (group) group.push(payload);
    else out.push([payload]);
  }
  return out;
}

const pdf = (name: string) => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj\n%%EOF\n")], name);

type TWritten = { number: string; payloads: string[] };
const written: TWritten[] = [];
const reviewed: TWritten[] = [];

async function steps(number: string, list: Omit<TLetterStepInput, "number" | "expectedVersion">[]) {
  let version = (await database.prisma.letter.findUniqueOrThrow({ where: { number } })).version;
  for (const step of list)
    version = (await applyLetterStep({ ...step, number, expectedVersion: version, db: database.prisma }))
      .version;
}

/** Writes, answers and publishes a letter carrying `payloads` everywhere a writer and a handler write. */
async function publish(payloads: string[], review: boolean): Promise<TWritten> {
  // a subject longer than 100 (one payload of 160) is cut, as the form would refuse it whole
  const subject = payloads.join(" ").slice(0, 100);
  const text = payloads.join("\n");
  const { number } = await submitLetter({
    db: database.prisma,
    actor: actors.citizen,
    letter: ZLetter.parse({
      kind: "COMPLAINT",
      mailbox: "RSJ",
      subject,
      content: text,
      consentToPublish: "yes",
    }),
    files: review ? [] : payloads.map((payload) => pdf(`${payload}.pdf`)),
  });
  await steps(number, [
    { actor: actors.caseworker, step: "accept" },
    { actor: actors.caseworker, step: "draft", replyText: text },
    { actor: actors.supervisor, step: "signOff" },
    { actor: actors.caseworker, step: "send" },
    review
      ? {
          actor: actors.caseworker,
          step: "publish",
          publicSubject: subject,
          publicContent: text,
          publicReply: text,
        }
      : { actor: actors.caseworker, step: "publish" },
  ]);
  return { number, payloads };
}

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["citizen", "caseworker", "supervisor"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
  for (const group of groups(xssPayloads)) written.push(await publish(group, false));
  // a handler's reviewed copy: one letter with the whole corpus in its public text
  reviewed.push(await publish(xssPayloads.slice(0, 40), true));
  reviewed.push(await publish(xssPayloads.slice(40), true));
}, 600_000);
afterAll(() => database.close());

type TNode = {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: TNode[];
};

/** What a browser's parser makes of rendered markup: its elements (with attributes) and its text. */
function parseHtml(html: string) {
  const elements: { name: string; attribs: Record<string, string> }[] = [];
  let text = "";
  const walk = (nodes: TNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") text += node.data ?? "";
      else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        elements.push({ name: node.name!, attribs: node.attribs ?? {} });
        walk(node.children ?? []);
      } else if (node.children) walk(node.children);
      else if (node.type !== "text") elements.push({ name: `#${node.type}`, attribs: {} });
    }
  };
  walk(parseDocument(html).children as TNode[]);
  return { elements, text };
}

/** A letter's text as its page shows it (WrittenText), parsed: one span, the text as written. */
function expectWrittenTextInert(locale: TLocale, text: string) {
  const html = renderToStaticMarkup(createElement(WrittenText, { locale, text }));
  const read = parseHtml(html);
  expect(read.elements.map((e) => e.name)).toEqual(["span"]);
  expect(Object.keys(read.elements[0].attribs).filter((a) => a !== "lang")).toEqual([]);
  expect(read.text).toBe(locale === "en" ? text : localText(locale, text).text);
}

describe("a published letter carrying the XSS corpus", () => {
  it("keeps every payload as text in its public copy, shows no files, and renders as text in every locale", async () => {
    for (const { number, payloads } of [...written, ...reviewed]) {
      const reading = await readLetter({ actor: null, number, db: database.prisma });
      expect(reading?.view, number).toBe("published");
      const letter = reading!.letter;
      expect(letter).not.toHaveProperty("attachments");
      expect(letter).not.toHaveProperty("subject");
      expect(letter).not.toHaveProperty("content");
      const text = payloads.join("\n");
      const expected = reviewed.some((r) => r.number === number)
        ? { publicSubject: payloads.join(" ").slice(0, 100).trim(), publicContent: text, publicReply: text }
        : (() => {
            const proposed = redactLetter({
              subject: payloads.join(" ").slice(0, 100),
              content: text,
              reply: text,
              writerName: "张晓明",
            });
            return {
              publicSubject: proposed.publicSubject,
              publicContent: proposed.publicContent,
              publicReply: proposed.publicReply,
            };
          })();
      expect(letter, number).toMatchObject(expected);
      for (const locale of locales)
        for (const value of [letter.publicSubject!, letter.publicContent!, letter.publicReply!])
          expectWrittenTextInert(locale, value);
    }
    // the corpus reached the public copy (redaction masks personal data, not markup)
    const all = (
      await database.prisma.letter.findMany({
        where: { number: { in: written.map((w) => w.number) } },
        select: { publicContent: true },
      })
    )
      .map((l) => l.publicContent)
      .join("\n");
    expect(xssPayloads.filter((p) => !all.includes(p)).length).toBeLessThan(5);
  });

  it("lists them on the public list, found by a payload as the query, as text", async () => {
    const { total } = await publishedLetters({ db: database.prisma });
    expect(total).toBeGreaterThanOrEqual(written.length + reviewed.length);
    for (const { number, payloads } of written) {
      const found = await publishedLetters({ q: payloads[0].slice(0, 50), db: database.prisma });
      expect(
        found.rows.some((r) => r.number === number) || found.total > 20,
        `${number} ${payloads[0]}`,
      ).toBe(true);
      for (const row of found.rows) expectWrittenTextInert("en", row.publicSubject ?? "");
    }
    // LIKE's wildcards and escape are searched for as written, not as patterns
    for (const q of ["%", "_", "\\", "%p;", '"\\>', "a_b"]) {
      const found = await publishedLetters({ q, db: database.prisma });
      for (const row of found.rows)
        expect(`${row.publicSubject}${row.publicContent}${row.publicReply}`, `${q} ${row.number}`).toContain(
          q,
        );
    }
  });

  it("writes the RSS feed as well-formed XML with RSS elements only and every text as written", async () => {
    const rssElements = new Set([
      "rss",
      "channel",
      "title",
      "link",
      "description",
      "lastBuildDate",
      "language",
      "atom:link",
      "item",
      "guid",
      "pubDate",
      "category",
    ]);
    for (const locale of locales) {
      const response = await lettersFeed(new Request(`http://portal.example/${locale}/letters/feed.xml`), {
        params: Promise.resolve({ locale }),
      });
      expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
      const read = readXml(await response.text());
      expect(read.error).toBeNull();
      expect(read.elements.map((e) => e.name).filter((n) => !rssElements.has(n))).toEqual([]);
      expect(read.elements.filter((e) => e.name === "item").length).toBe(20);
    }
    // every published payload letter in one feed
    const rows = await database.prisma.letter.findMany({
      where: { number: { in: [...written, ...reviewed].map((w) => w.number) } },
      select: { number: true, publicSubject: true, publicReply: true, kind: true, publishedAt: true },
    });
    const xml = lettersRss({
      title: "Letters",
      description: "Published replies",
      language: "en",
      selfUrl: "https://portal.example/en/letters/feed.xml",
      listUrl: "https://portal.example/en/letters",
      letterUrl: (number) => `https://portal.example/en/letters/${number}`,
      letters: rows.map((r) => ({ ...r, kindLabel: "Complaint" })),
    });
    const read = readXml(xml);
    expect(read.error, xml.slice(0, 2000)).toBeNull();
    expect(read.elements.map((e) => e.name).filter((n) => !rssElements.has(n))).toEqual([]);
    const titles = read.elements.filter((e) => e.name === "title").map((e) => e.text);
    expect(titles).toEqual(["Letters", ...rows.map((r) => r.publicSubject)]);
    // the description is HTML-escaped text: a reader that renders it as HTML shows the payload
    const descriptions = read.elements.filter((e) => e.name === "description").slice(1);
    for (const [i, description] of descriptions.entries()) {
      const reply = rows[i].publicReply ?? "";
      const shown = parseHtml(description.text);
      expect(shown.elements).toEqual([]);
      expect(shown.text).toBe(reply.length > 500 ? `${reply.slice(0, 500)}…` : reply);
    }
  });

  it("lists every published payload letter in the sitemap, well-formed, with nothing else of theirs", async () => {
    const response = await sitemap(new Request("http://portal.example/sitemap.xml"));
    const xml = await response.text();
    const read = readXml(xml);
    expect(read.error).toBeNull();
    expect(new Set(read.elements.map((e) => e.name))).toEqual(
      new Set(
        ["urlset", "url", "loc", "lastmod", "xhtml:link", "changefreq", "priority"].filter((n) =>
          xml.includes(`<${n}`),
        ),
      ),
    );
    const locs = new Set(read.elements.filter((e) => e.name === "loc").map((e) => e.text));
    for (const { number } of [...written, ...reviewed])
      expect(locs.has(`http://portal.example/zh-Hans/letters/${number}`), number).toBe(true);
    expect(xml).not.toContain("alert");
  });

  it("finds them in the portal's search by a payload, titles and excerpts as text, on the page and in the API", async () => {
    for (const { number, payloads } of written.slice(0, 10)) {
      const q = payloads[0].slice(0, 100);
      const query = ZSearchQuery.safeParse({ q, type: "letter" });
      if (!query.success) continue; // a payload of punctuation only is no query
      for (const locale of locales) {
        const found = await searchPortal({ query: query.data, locale, db: database.prisma });
        for (const result of found.results) {
          for (const segments of [result.title, result.snippet ?? []]) {
            const read = parseHtml(renderToStaticMarkup(createElement(Marked, { segments })));
            expect(
              read.elements.every((e) => ["span", "mark"].includes(e.name)),
              number,
            ).toBe(true);
            expect(read.elements.every((e) => Object.keys(e.attribs).every((a) => a === "class"))).toBe(true);
            expect(read.text).toBe(segments.map((s) => s.text).join(""));
          }
        }
      }
      const response = await searchApi(
        new Request(`http://portal.example/api/v1/search?type=letter&q=${encodeURIComponent(q)}`),
      );
      expect(response.status, q).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    }
    const byNumber = await searchPortal({
      query: ZSearchQuery.parse({ q: written[0].number, type: "letter" }),
      locale: "en",
      db: database.prisma,
    });
    expect(byNumber.results.map((r) => r.key)).toContain(written[0].number);
  });
});
