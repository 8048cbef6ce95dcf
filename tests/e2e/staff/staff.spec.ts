import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, freshStaffCode, signInCitizen, signInStaff } from "../helpers/accounts";

test.describe("the staff area", () => {
  test("refuses anonymous visitors on the server", async ({ page, request }) => {
    const response = await request.get("/staff", { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(response.status());
    expect(response.headers().location).toMatch(/\/staff\/sign-in$/);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
    await expectAccessible(page);
  });

  test("refuses a signed-in citizen", async ({ page }) => {
    await signInCitizen(page, "citizen@example.cn");
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  });

  test("a caseworker signs in and sees role and department scope, then signs out", async ({ page }) => {
    await signInStaff(page, "caseworker@example.cn");
    await expect(page.locator("main")).toContainText("窗口/承办人员 · 成都市人力资源和社会保障局");
    await expectAccessible(page);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  });

  test("a citizen account cannot sign in at the staff door", async ({ page }) => {
    await page.goto("/staff/sign-in");
    await page.locator("#field-email").fill("citizen@example.cn");
    await page.locator("#field-password").fill("Demo-pass-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(errorSummary(page)).toContainText("电子邮箱或密码不正确");
  });

  test("the administrator's scope is all departments", async ({ page }) => {
    await signInStaff(page, "admin@example.cn");
    await expect(page.locator("main")).toContainText("系统管理员 · 全部部门");
  });
});

test.describe("the API surface", () => {
  test("GET /api/health answers ok with the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  test("next-auth's credentials endpoint signs staff in for programs (csrf + callback), with the second factor", async ({
    request,
  }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const form = {
      csrfToken,
      email: "supervisor@example.cn",
      password: "Demo-pass-2026",
      portal: "staff",
      json: "true",
    };
    // the password alone opens no staff session
    await request.post("/api/auth/callback/credentials", { form });
    expect(await (await request.get("/api/auth/session")).json()).toEqual({});
    const response = await request.post("/api/auth/callback/credentials", {
      form: { ...form, code: await freshStaffCode("supervisor@example.cn") },
    });
    expect(response.ok()).toBe(true);
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user).toMatchObject({
      email: "supervisor@example.cn",
      accountType: "STAFF",
      grants: [{ role: "SUPERVISOR", department: "RSJ" }],
    });
  });
});

test.describe("crawler files and the API description", () => {
  test("/sitemap.xml, /robots.txt and /api/v1/openapi.json answer from the server", async ({ request }) => {
    const sitemap = await request.get("/sitemap.xml", { maxRedirects: 0 });
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()["content-type"]).toContain("xml");
    expect(await sitemap.text()).toContain("/zh-Hans/disclosure/SZF/2006-00001</loc>");
    // the plan's former 索引号 (bookmarked links) redirects permanently, page and API alike
    const oldPage = await request.get("/zh-Hans/disclosure/JXW/2006-00001", { maxRedirects: 0 });
    expect(oldPage.status()).toBe(308);
    expect(oldPage.headers()["location"]).toMatch(/\/zh-Hans\/disclosure\/SZF\/2006-00001$/);
    const oldApi = await request.get("/api/v1/documents/JXW/2006-00001", { maxRedirects: 0 });
    expect(oldApi.status()).toBe(308);
    expect(oldApi.headers()["location"]).toBe("/api/v1/documents/SZF/2006-00001");
    expect((await request.get("/zh-Hans/disclosure/JXW/2006-00001")).url()).toMatch(/SZF\/2006-00001$/);
    const robots = await request.get("/robots.txt", { maxRedirects: 0 });
    expect(await robots.text()).toContain("Sitemap: ");
    const openapi = await (await request.get("/api/v1/openapi.json")).json();
    expect(openapi.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.paths)).toContain("/applications");
  });
});
