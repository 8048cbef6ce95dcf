import "server-only";
import { publicReadClientOf, type TDbOption } from "../db/client";
import { locales } from "../i18n/settings";
import { publicItemWhere } from "../shared/publicItems";
import { xmlDocument, xmlElement } from "../shared/xml";

export type TSitemapEntry = { path: string; lastModified?: Date };

/** What the sitemap needs of a table with a page per row: the column the page's URL ends with (K). */
type TPagedTable<K extends string> = {
  findMany(args: {
    where: object;
    select: Record<K | "updatedAt", true>;
    orderBy: Partial<Record<K | "publishedAt" | "opensAt", "asc" | "desc">>;
  }): Promise<(Record<K, string> & { updatedAt: Date })[]>;
};

/** The pages `path`/<key> of a table's public rows (`where`), in `orderBy` order. */
async function itemPages<K extends string>(
  table: TPagedTable<K>,
  path: string,
  key: K,
  where: object,
  orderBy: Partial<Record<K | "publishedAt" | "opensAt", "asc" | "desc">>,
): Promise<TSitemapEntry[]> {
  const select = { [key]: true, updatedAt: true } as Record<K | "updatedAt", true>;
  const rows = await table.findMany({ where, select, orderBy });
  return rows.map((row) => ({ path: `${path}/${row[key]}`, lastModified: row.updatedAt }));
}

/** Every public page (in the default locale's form; each is listed for all three locales). */
export async function sitemapEntries(input: TDbOption = {}): Promise<TSitemapEntry[]> {
  const prisma = await publicReadClientOf(input);
  const visible = publicItemWhere(new Date());
  const [services, documents, notices, letters, consultations] = await Promise.all([
    itemPages(prisma.service, "/services", "code", visible.service, { code: "asc" }),
    itemPages(prisma.disclosureDocument, "/disclosure", "indexNo", visible.document, { indexNo: "asc" }),
    itemPages(prisma.notice, "/notices", "id", visible.notice, { publishedAt: "desc" }),
    itemPages(prisma.letter, "/letters", "number", visible.letter, { number: "asc" }),
    itemPages(prisma.consultation, "/consultations", "id", visible.consultation, { opensAt: "desc" }),
  ]);
  const year = new Date().getFullYear();
  // a list page changed when the newest of its items did
  const newest = (dates: (Date | undefined)[]) =>
    dates.reduce<Date | undefined>(
      (latest, date) => (date && (!latest || date > latest) ? date : latest),
      undefined,
    );
  const changed = (pages: TSitemapEntry[]) => newest(pages.map((page) => page.lastModified));
  const lists: Record<string, Date | undefined> = {
    "/services": changed(services),
    "/disclosure": changed(documents),
    "/notices": changed(notices),
    "/letters": changed(letters),
    "/consultations": changed(consultations),
  };
  lists[""] = newest([lists["/services"], lists["/disclosure"], lists["/notices"]]);
  return [
    ...[
      "",
      "/services",
      "/disclosure",
      "/disclosure/guide",
      "/disclosure/request",
      `/disclosure/annual-report/${year - 1}`,
      "/notices",
      "/notices/subscribe",
      "/letters",
      "/letters/write",
      "/letters/figures",
      "/consultations",
      "/track",
      "/verify",
      "/search",
      "/accessibility",
      "/privacy",
      "/contact",
      "/sitemap",
    ].map((path) => ({ path, lastModified: lists[path] })),
    ...services,
    ...documents,
    ...notices,
    ...letters,
    ...consultations,
  ];
}

/** The sitemap XML with an hreflang alternate for each locale. */
export function sitemapXml(base: string, entries: TSitemapEntry[]): string {
  const urls = entries.flatMap((entry) =>
    locales.map((locale) =>
      xmlElement(
        "url",
        {},
        xmlElement("loc", {}, `${base}/${locale}${entry.path}`),
        entry.lastModified ? xmlElement("lastmod", {}, entry.lastModified.toISOString()) : null,
        ...locales.map((other) =>
          xmlElement("xhtml:link", {
            rel: "alternate",
            hreflang: other,
            href: `${base}/${other}${entry.path}`,
          }),
        ),
      ),
    ),
  );
  return xmlDocument(
    xmlElement(
      "urlset",
      { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:xhtml": "http://www.w3.org/1999/xhtml" },
      ...urls,
    ),
  );
}

export function publicBase(request: Request): string {
  return (process.env.NEXTAUTH_URL || new URL(request.url).origin).replace(/\/$/, "");
}

/** The public address for a page being rendered (absolute URLs in structured data). */
export async function siteBase(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const { headers } = await import("next/headers");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}
