import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { demoPassword, errorSummary, signInCitizen } from "../helpers/accounts";
import { openRedirectPayloads } from "../../fixtures/open-redirects";
import { waitForMail } from "../helpers/mail";

test.describe("citizen accounts without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bad registration input comes back with translated errors and keeps what was typed", async ({
    page,
  }) => {
    await page.goto("/en/register");
    await page.locator("#field-name").fill("Wang Fang");
    await page.locator("#field-email").fill("not-an-email");
    await page.locator("#field-password").fill("short");
    await page.locator("#field-confirm").fill("different");
    await page.getByRole("button", { name: "Create account" }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText("There is a problem");
    await expect(summary).toContainText("E-mail address must be in the correct format");
    await expect(summary).toContainText("at least 10 characters");
    await expect(page.locator("#field-name")).toHaveValue("Wang Fang");
    await expect(page.locator("#field-email")).toHaveValue("not-an-email");
    await expect(page.locator("#field-password")).toHaveValue("");
  });

  test("a person registers, signs out and signs in again", async ({ page }) => {
    const email = `new-${Date.now()}@example.cn`;
    await page.goto("/zh-Hans/register");
    await page.getByLabel("个人（自然人）").check();
    await page.locator("#field-name").fill("王芳");
    await page.locator("#field-email").fill(email);
    await page.locator("#field-password").fill("Register-2026");
    await page.locator("#field-confirm").fill("Register-2026");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/register\/check-mail$/);
    const mail = await waitForMail((m) => m.to.includes(email));
    const link = /http:\/\/\S+\/register\/confirm\?token=\S+/.exec(mail.text ?? "")?.[0];
    await page.goto(link!.replace(/^http:\/\/[^/]+/, ""));
    await page.getByRole("button", { name: "确认我的账户" }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/account\?welcome=1$/);
    await expect(page.locator("main")).toContainText("王芳");
    await expect(page.locator("main")).toContainText(email);

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.goto("/zh-Hans/account");
    await expect(page).toHaveURL(/\/zh-Hans\/sign-in\?returnTo=/);

    await page.locator("#field-email").fill(email);
    await page.locator("#field-password").fill("Register-2026");
    await page.getByRole("button", { name: "登录" }).last().click();
    await expect(page).toHaveURL(/\/zh-Hans\/account$/);
    await expect(page.locator("main")).toContainText("王芳");
  });

  test("registering an address that has an account answers as a new one would, and mails the address", async ({
    page,
  }) => {
    const register = async (email: string) => {
      await page.goto("/en/register");
      await page.getByLabel("Individual").check();
      await page.locator("#field-name").fill("Wang Fang");
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("Register-2026");
      await page.locator("#field-confirm").fill("Register-2026");
      const started = Date.now();
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(/\/en\/register\/check-mail$/);
      return { ms: Date.now() - started, text: await page.locator("main").innerText() };
    };
    const fresh = await register(`fresh-${Date.now()}@example.cn`);
    const taken = await register("citizen2@example.cn");
    expect(taken.text).toBe(fresh.text);
    // the same work on both paths (a password hash and one queued mail): the same order of time
    expect(Math.max(taken.ms, fresh.ms) / Math.min(taken.ms, fresh.ms)).toBeLessThan(5);
    const mail = await waitForMail(
      (m) => m.to.includes("citizen2@example.cn") && /tried/.test(m.subject ?? ""),
    );
    expect(mail.text).toContain("/en/sign-in");
  });

  test("a wrong password says so and keeps the e-mail", async ({ page }) => {
    await page.goto("/zh-Hans/sign-in");
    await page.locator("#field-email").fill("citizen2@example.cn");
    await page.locator("#field-password").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).last().click();
    await expect(errorSummary(page)).toContainText("电子邮箱或密码不正确");
    await expect(page.locator("#field-email")).toHaveValue("citizen2@example.cn");
  });

  test("the demo citizen signs in and staff cannot use the public door", async ({ page }) => {
    await signInCitizen(page, "citizen@example.cn");
    await expect(page.locator("main")).toContainText("张晓明");
    await page.context().clearCookies();
    await page.goto("/zh-Hans/sign-in");
    await page.locator("#field-email").fill("caseworker@example.cn");
    await page.locator("#field-password").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).last().click();
    await expect(errorSummary(page)).toContainText("电子邮箱或密码不正确");
  });
});

test.describe("return addresses stay on the site", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in from a link with a return address to another host lands on the account page", async ({
    page,
    baseURL,
  }) => {
    await page.goto(`/zh-Hans/sign-in?returnTo=${encodeURIComponent("/..//other.host/x")}`);
    await expect(page.locator("main input[name=returnTo]")).toHaveValue("/zh-Hans/account");
    await page.locator("#field-email").fill("citizen2@example.cn");
    await page.locator("#field-password").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).last().click();
    await expect(page).toHaveURL(`${baseURL}/zh-Hans/account`);
    // a legitimate return address is still honoured
    await page.context().clearCookies();
    await page.goto(
      `/zh-Hans/sign-in?returnTo=${encodeURIComponent("/zh-Hans/notices?category=utilities#top")}`,
    );
    await page.locator("#field-email").fill("citizen2@example.cn");
    await page.locator("#field-password").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).last().click();
    await expect(page).toHaveURL(`${baseURL}/zh-Hans/notices?category=utilities#top`);
  });

  test("a signed-in visitor sent to the sign-in page is redirected only within the site", async ({
    page,
    baseURL,
  }) => {
    await signInCitizen(page, "citizen2@example.cn");
    expect(openRedirectPayloads.length).toBeGreaterThanOrEqual(30);
    for (const payload of openRedirectPayloads) {
      const response = await page.request.get(`/zh-Hans/sign-in?returnTo=${encodeURIComponent(payload)}`, {
        maxRedirects: 0,
      });
      expect(response.status(), payload).toBe(307);
      const location = response.headers()["location"];
      expect(location, payload).toBe("/zh-Hans/account");
      expect(new URL(location, baseURL).origin, payload).toBe(new URL(baseURL!).origin);
    }
  });
});

test("the sign-in API never answers 500, whatever callback address it is given", async ({ request }) => {
  for (const callbackUrl of [
    "http://[",
    "http://",
    "https://[::1",
    "::",
    "%",
    "javascript:alert(1)",
    "data:,x",
    "\\\\evil.example",
    "http://a b",
    "ftp://evil.example",
    "\u0000",
    "//evil.example",
  ]) {
    for (const path of [
      "/api/auth/signin",
      "/api/auth/signout",
      "/api/auth/error",
      "/api/auth/signin/credentials",
    ]) {
      const response = await request.get(`${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
        maxRedirects: 0,
      });
      expect(response.status(), `${path} ${callbackUrl}`).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) expect(location, `${path} ${callbackUrl}`).not.toContain("evil.example");
    }
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin"]) {
      const response = await request.get(path, {
        maxRedirects: 0,
        headers: { cookie: `next-auth.callback-url=${encodeURIComponent(callbackUrl)}` },
      });
      expect(response.status(), `${path} with cookie ${callbackUrl}`).toBeLessThan(500);
    }
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    for (const path of [
      "/api/auth/signin/credentials",
      "/api/auth/callback/credentials",
      "/api/auth/signout",
    ]) {
      const response = await request.post(path, {
        maxRedirects: 0,
        form: { csrfToken, email: "nobody@example.cn", password: "wrong-password-1", callbackUrl },
      });
      expect(response.status(), `POST ${path} ${callbackUrl}`).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) expect(location, `POST ${path} ${callbackUrl}`).not.toContain("evil.example");
    }
  }
});

test("the track page works and explains a bad 办件编号 in English", async ({ page }) => {
  await page.goto("/en/track");
  await expectAccessible(page);
  await page.locator("#field-trackingNumber").fill("XX123");
  await page.locator("#field-accessCode").fill("ABCDEF");
  await page.getByRole("button", { name: "Find my case" }).click();
  await expect(errorSummary(page)).toContainText("A case number is two letters and 14 digits");
  await expect(page.locator("#field-trackingNumber")).toHaveValue("XX123");
  await page.locator("#field-trackingNumber").fill("SV20261126000001");
  await page.getByRole("button", { name: "Find my case" }).click();
  await expect(page.getByRole("status")).toContainText("No case matches");
  await expectAccessible(page);
});

test("registration errors with JavaScript on are shown the same way, and the pages pass axe", async ({
  page,
}) => {
  await page.goto("/zh-Hans/register");
  await expectAccessible(page);
  await page.locator("#field-email").fill("bad");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(errorSummary(page)).toContainText("请输入正确的电子邮箱，例如 name@example.cn");
  await expect(errorSummary(page)).toContainText("请输入姓名或单位名称");
  await expect(errorSummary(page)).toContainText("请选择账户类型");
  await expect(page.locator("#field-email")).toHaveValue("bad");
  await expectAccessible(page);
});

test("the account page passes axe", async ({ page }) => {
  await signInCitizen(page, "org@example.cn", "en");
  await expect(page.locator("main")).toContainText("Organisation");
  await expectAccessible(page);
});
