import "server-only";
import { publicReadClientOf, type TDbOption } from "../db/client";
import { locales } from "../i18n/settings";
import { currentNoticeWhere } from "../shared/noticeVisibility";
import { xmlDocument, xmlElement } from "../shared/xml";

export type TSitemapEntry = { path: string; lastModified?: Date };

/** Every public page (in the default locale's form; each is listed for all three locales). */
export async function sitemapEntries(input: TDbOption = {}): Promise<TSitemapEntry[]> {
  const prisma = await publicReadClientOf(input);
  const [services, documents, notices, letters, consultations] = await Promise.all([
    prisma.service.findMany({
      where: { published: true },
      select: { code: true, updatedAt: true },
      orderBy: { code: "asc" },
    }),
    prisma.disclosureDocument.findMany({
      where: { status: "PUBLISHED" },
      select: { indexNo: true, updatedAt: true },
      orderBy: { indexNo: "asc" },
    }),
    prisma.notice.findMany({
      where: currentNoticeWhere(new Date()),
      select: { id: true, updatedAt: true },
      orderBy: { publishedAt: "desc" },
    }),
    // a letter is public only once published, as its redacted copy
    prisma.letter.findMany({
      where: { status: "PUBLISHED" },
      select: { number: true, updatedAt: true },
      orderBy: { number: "asc" },
    }),
    // a consultation is public from its opening; a draft is not
    prisma.consultation.findMany({
      where: { status: { not: "DRAFT" } },
      select: { id: true, updatedAt: true },
      orderBy: { opensAt: "desc" },
    }),
  ]);
  const year = new Date().getFullYear();
  // a list page changed when the newest of its items did
  const newest = (rows: { updatedAt: Date }[]) =>
    rows.reduce<Date | undefined>(
      (latest, r) => (!latest || r.updatedAt > latest ? r.updatedAt : latest),
      undefined,
    );
  const lists: Record<string, Date | undefined> = {
    "/services": newest(services),
    "/disclosure": newest(documents),
    "/notices": newest(notices),
    "/letters": newest(letters),
    "/consultations": newest(consultations),
  };
  lists[""] = newest(
    [services, documents, notices].flatMap((rows) => (newest(rows) ? [{ updatedAt: newest(rows)! }] : [])),
  );
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
    ...services.map((s) => ({ path: `/services/${s.code}`, lastModified: s.updatedAt })),
    ...documents.map((d) => ({ path: `/disclosure/${d.indexNo}`, lastModified: d.updatedAt })),
    ...notices.map((n) => ({ path: `/notices/${n.id}`, lastModified: n.updatedAt })),
    ...letters.map((l) => ({ path: `/letters/${l.number}`, lastModified: l.updatedAt })),
    ...consultations.map((c) => ({ path: `/consultations/${c.id}`, lastModified: c.updatedAt })),
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
