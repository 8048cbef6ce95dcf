import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";

// the Nu Html Checker (the W3C's validator) as a jar; Java 11 or later runs it (.ci/run installs one)
const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

type TMessage = { type: string; subType?: string; message: string; extract?: string; url: string };

/** The first link on a page whose path starts with `prefix` and goes one level further. */
async function firstLink(request: APIRequestContext, page: string, prefix: string): Promise<string> {
  const html = await (await request.get(page)).text();
  const escaped = prefix.replace(/[/.-]/g, "\\$&");
  const found = new RegExp(`href="(${escaped}/[A-Z0-9]+/\\d{4}-\\d{5})"`).exec(html);
  expect(found, `a link under ${prefix} on ${page}`).not.toBeNull();
  return found![1];
}

test("the key public pages are valid HTML (W3C Nu checker, no errors)", async ({ request }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-vnu-"));
  const pages: string[] = [];
  for (const locale of ["zh-Hans", "en"]) {
    const document = await firstLink(request, `/${locale}/disclosure`, `/${locale}/disclosure`);
    pages.push(
      `/${locale}`,
      `/${locale}/services/RS-JYDJ-001`,
      `/${locale}/disclosure`,
      document,
      `/${locale}/notices`,
    );
  }
  const files = new Map<string, string>();
  for (const page of pages) {
    const response = await request.get(page);
    expect(response.status(), page).toBe(200);
    const file = path.join(dir, `${files.size}.html`);
    fs.writeFileSync(file, await response.body());
    files.set(file, page);
  }
  // the checker exits non-zero when it finds errors; its JSON report is on stderr either way
  const { stderr } = await promisify(execFile)(
    "java",
    ["-jar", vnuJar, "--errors-only", "--format", "json", ...files.keys()],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
  const { messages } = JSON.parse(stderr) as { messages: TMessage[] };
  const errors = messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => `${files.get(new URL(m.url).pathname) ?? m.url}: ${m.message} ${m.extract ?? ""}`);
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every page names its icon and describes itself, and /favicon.ico leads to the icon", async ({
  request,
}) => {
  for (const page of ["/zh-Hans", "/en/notices"]) {
    const html = await (await request.get(page)).text();
    expect(html, page).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"[^>]*type="image\/svg\+xml"/);
    expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}"/);
  }
  const favicon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(favicon.status()).toBe(308);
  expect(favicon.headers()["location"]).toBe("/icon.svg");
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
