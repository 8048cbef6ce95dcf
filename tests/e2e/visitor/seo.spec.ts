import { expect, test } from "@playwright/test";

test("a service guide carries schema.org GovernmentService structured data", async ({ page }) => {
  await page.goto("/en/services/RS-JYDJ-001");
  const json = await page.locator('script[type="application/ld+json"]').first().textContent();
  const data = JSON.parse(json ?? "{}");
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    identifier: "RS-JYDJ-001",
    name: "Employment registration",
  });
  expect(data.provider["@type"]).toBe("GovernmentOrganization");
  expect(data.url).toMatch(/\/en\/services\/RS-JYDJ-001$/);
});

test("the sitemap lists the search page and documents with last-modified; robots.txt points at it", async ({
  request,
}) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  expect(xml).toMatch(/<loc>[^<]*\/zh-Hans\/search<\/loc>/);
  expect(xml).toMatch(/<loc>[^<]*\/zh-Hans\/disclosure\/SZF\/2006-00001<\/loc><lastmod>\d{4}-\d\d-\d\dT/);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: http[^\n]*\/sitemap\.xml/);
});
