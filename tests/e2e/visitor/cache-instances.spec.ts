import { expect, test } from "@playwright/test";
import { signInStaff } from "../helpers/accounts";
import {
  freshDatabase,
  postgresUrl,
  reachable,
  startInstance,
  stopInstance,
  type TInstance,
} from "../helpers/instances";

/**
 * Two instances of the built portal on one PostgreSQL, each keeping public pages for a minute
 * (PAGE_CACHE_TTL_MS): an edit on one must reach anonymous visitors of the other within a second,
 * which only the other's cache being dropped at once (LISTEN/NOTIFY) can do.
 */
const base = Number(process.env.E2E_PORT ?? 3100);
let editing: TInstance | undefined;
let other: TInstance | undefined;

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  // two instances need a database both can open: without PostgreSQL this test fails, it is never skipped
  if (!(await reachable(postgresUrl)))
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl} (bash .ci/start-postgres.sh starts one)`);
  const databaseUrl = await freshDatabase("onestop_cache_e2e");
  const env = { PAGE_CACHE_TTL_MS: "60000" };
  // one after the other: the first migrates and seeds the empty database, the second finds it ready
  editing = await startInstance({ port: base + 4, databaseUrl, env });
  other = await startInstance({ port: base + 5, databaseUrl, env });
});

test.afterAll(async () => {
  await stopInstance(editing);
  await stopInstance(other);
});

test("an editor's change on one instance drops the other's cached page within a second", async ({
  browser,
  playwright,
}) => {
  const path = "/zh-Hans/disclosure/JXW/2025-00001";
  const visitor = await playwright.request.newContext({ baseURL: other!.url });
  await visitor.get(path);
  expect((await visitor.get(path)).headers()["x-onestop-cache"]).toBe("hit");

  const context = await browser.newContext({ baseURL: editing!.url });
  const page = await context.newPage();
  await signInStaff(page, "editor@example.cn");
  await page.goto("/staff/documents/JXW/2025-00001");
  const title = `${await page.locator("#doc-title").inputValue()}（另一实例${Date.now() % 100000}）`;
  await page.locator("#doc-title").fill(title);
  await page.locator("section[aria-labelledby=edit]").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");

  const saved = Date.now();
  await expect
    .poll(async () => (await visitor.get(path)).text(), { timeout: 1000, intervals: [50] })
    .toContain(title);
  const took = Date.now() - saved;
  console.log(`[cache-instances] the edit showed on the other instance after ${took} ms`);
  expect(took).toBeLessThan(1000);
  await context.close();
  await visitor.dispose();
});
