import { expect, test } from "@playwright/test";
import { signInCitizen, signInStaff } from "../helpers/accounts";

/** Public pages come from the shared cache for anonymous visitors, and edits show within a second. */
const publicPages = [
  "/zh-Hans/services/RS-JYDJ-001",
  "/zh-Hans/disclosure/SZF/2006-00001",
  "/zh-Hans/notices",
];
const sharedCacheControl = "public, max-age=0, s-maxage=1";

// `request` is a context of its own with no cookies: an anonymous visitor
test("anonymous visitors get public pages from the cache, with a header a CDN can use", async ({
  request,
}) => {
  for (const path of publicPages) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    expect(first.headers()["cache-control"], path).toBe(sharedCacheControl);
    expect(first.headers()["vary"], path).toContain("Cookie");
    const again = await request.get(path);
    expect(again.headers()["x-onestop-cache"], path).toBe("hit");
    // the same page, except that each answer carries a CSP nonce of its own
    const [firstNonce, againNonce] = [first, again].map(
      (r) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"])![1],
    );
    expect(againNonce).not.toBe(firstNonce);
    expect((await again.text()).replaceAll(againNonce, "NONCE")).toBe(
      (await first.text()).replaceAll(firstNonce, "NONCE"),
    );
  }
  const personal = await request.get("/zh-Hans/track");
  expect(personal.headers()["cache-control"]).toContain("no-store");
});

test("a cached page is answered in front of Next with the same headers, gzip made once, an ETag and 304", async ({
  request,
}) => {
  // a query the page ignores makes a copy of its own: the first answer is rendered, the second cached
  const path = `/zh-Hans/notices?probe=${Date.now()}`;
  const miss = await request.get(path);
  const hit = await request.get(path);
  expect([miss.headers()["x-onestop-cache"], hit.headers()["x-onestop-cache"]]).toEqual(["miss", "hit"]);
  const nonceOf = (headers: Record<string, string>) =>
    /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
  // what differs by answer or by how the bytes travel; everything else is the same, value for value
  const perAnswer = new Set([
    "date",
    "content-security-policy",
    "link",
    "x-onestop-cache",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
  ]);
  const same = (headers: Record<string, string>) =>
    Object.entries(headers)
      .filter(([name]) => !perAnswer.has(name))
      .sort();
  expect(same(hit.headers())).toEqual(same(miss.headers()));
  expect(hit.headers()["etag"]).toMatch(/^"[\w-]{27}"$/);
  expect(hit.headers()["content-encoding"]).toBe("gzip");
  for (const answer of [miss, hit]) {
    // a preload names the answer's own nonce, never the one the copy was rendered with
    const link = answer.headers()["link"];
    if (link?.includes("nonce=")) expect(link).toContain(`nonce="${nonceOf(answer.headers())}"`);
    expect((await answer.text()).split(`nonce="${nonceOf(answer.headers())}"`).length).toBeGreaterThan(2);
  }

  const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(Number(plain.headers()["content-length"])).toBe((await plain.body()).byteLength);
  expect((await plain.text()).replaceAll(nonceOf(plain.headers()), "NONCE")).toBe(
    (await hit.text()).replaceAll(nonceOf(hit.headers()), "NONCE"),
  );

  const unchanged = await request.get(path, { headers: { "if-none-match": hit.headers()["etag"] } });
  expect(unchanged.status()).toBe(304);
  expect(unchanged.headers()["etag"]).toBe(hit.headers()["etag"]);
  // the browser keeps the policy stored with its copy, whose nonce that copy carries
  expect(unchanged.headers()["content-security-policy"]).toBeUndefined();
  expect(await unchanged.body()).toHaveLength(0);

  const head = await request.head(path);
  expect([head.status(), head.headers()["x-onestop-cache"]]).toEqual([200, "hit"]);
  expect(await head.body()).toHaveLength(0);
});

test("a signed-in citizen's pages stay private and their own, and never reach anyone else", async ({
  page,
  request,
}) => {
  for (const path of publicPages) await request.get(path);
  await signInCitizen(page, "citizen@example.cn");
  for (const path of publicPages) {
    const response = await page.goto(path);
    const cacheControl = response?.headers()["cache-control"] ?? "";
    expect(cacheControl, path).toContain("private");
    expect(cacheControl, path).toContain("no-store");
    await expect(page.locator("header").getByText("张晓明"), path).toBeVisible();
  }
  for (const path of publicPages) {
    const anonymous = await request.get(path);
    expect(anonymous.headers()["cache-control"], path).toBe(sharedCacheControl);
    expect(await anonymous.text(), path).not.toContain("张晓明");
  }
});

test("an editor's new document title shows to anonymous visitors within a second", async ({
  page,
  request,
}) => {
  const path = "/zh-Hans/disclosure/JXW/2025-00001";
  await request.get(path);
  expect((await request.get(path)).headers()["x-onestop-cache"]).toBe("hit");

  await signInStaff(page, "editor@example.cn");
  await page.goto("/staff/documents/JXW/2025-00001");
  const title = `${await page.locator("#doc-title").inputValue()}（修订${Date.now() % 100000}）`;
  await page.locator("#doc-title").fill(title);
  await page.locator("section[aria-labelledby=edit]").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");

  const saved = Date.now();
  await expect
    .poll(async () => (await request.get(path)).text(), { timeout: 1000, intervals: [50] })
    .toContain(title);
  expect(Date.now() - saved).toBeLessThan(1000);
});
