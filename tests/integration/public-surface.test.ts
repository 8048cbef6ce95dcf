import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { openApiDocument } from "@/lib/api/openapi";
import { GET as sitemap } from "@/app/sitemap.xml/route";
import { GET as robots } from "@/app/robots.txt/route";
import { GET as notices } from "@/app/api/v1/notices/route";
import { GET as notice } from "@/app/api/v1/notices/[id]/route";
import { GET as search } from "@/app/api/v1/search/route";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
});
afterAll(() => database.close());

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

describe("the OpenAPI document", () => {
  it("describes every /api/v1 route and method", async () => {
    const doc = openApiDocument("http://x");
    for (const file of routeFiles(path.resolve("app/api/v1"))) {
      const route =
        "/" +
        path
          .relative(path.resolve("app/api/v1"), path.dirname(file))
          .split(path.sep)
          .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
          .join("/");
      if (route === "/openapi.json") continue;
      const source = fs.readFileSync(file, "utf8");
      const methods = [
        ...source.matchAll(/export (?:async function|const) (GET|POST|DELETE|PUT|PATCH)\b/g),
      ].map((m) => m[1].toLowerCase());
      expect(doc.paths, route).toHaveProperty([route]);
      for (const method of methods)
        expect(doc.paths[route as keyof typeof doc.paths], `${method} ${route}`).toHaveProperty(method);
    }
  });
});

describe("crawler files and the remaining public API", () => {
  it("lists every document and service in the sitemap, in all three locales, with last-modified", async () => {
    const xml = await (await sitemap(new Request("http://portal.example/sitemap.xml"))).text();
    expect(xml).toContain("<loc>http://portal.example/zh-Hans/disclosure/SZF/2006-00001</loc>");
    expect(xml).toContain('hreflang="en" href="http://portal.example/en/services/RS-JYDJ-001"');
    const documents = await database.prisma.disclosureDocument.count({ where: { status: "PUBLISHED" } });
    expect((xml.match(/<loc>[^<]*\/zh-Hans\/disclosure\/[A-Z]+\/\d{4}-\d{5}<\/loc>/g) ?? []).length).toBe(
      documents,
    );
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
    const text = await (await robots(new Request("http://portal.example/robots.txt"))).text();
    expect(text).toContain("Disallow: /staff");
    expect(text).toContain("Sitemap: http://portal.example/sitemap.xml");
  });

  it("serves notices and search as JSON, with 4xx for bad input", async () => {
    const list = await (await notices(new Request("http://x/api/v1/notices?category=utilities"))).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((n: { category: string }) => n.category === "utilities")).toBe(true);
    expect((await notices(new Request("http://x/api/v1/notices?category=nope"))).status).toBe(400);
    const one = await (
      await notice(new Request("http://x"), { params: Promise.resolve({ id: list.items[0].id }) })
    ).json();
    expect(one).toMatchObject({ id: list.items[0].id, expired: false });
    expect((await notice(new Request("http://x"), { params: Promise.resolve({ id: "nope" }) })).status).toBe(
      404,
    );
    const found = await (
      await search(new Request(`http://x/api/v1/search?q=${encodeURIComponent("就业登记")}`))
    ).json();
    expect(found.items).toContainEqual(expect.objectContaining({ type: "service", id: "RS-JYDJ-001" }));
    expect((await search(new Request("http://x/api/v1/search?q="))).status).toBe(400);
  });
});
