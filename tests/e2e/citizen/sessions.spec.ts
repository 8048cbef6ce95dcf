import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { registerCitizen, signInCitizen, signInStaff } from "../helpers/accounts";

test("signing out ends the session on the server: a copied cookie stops working and is not renewed", async ({
  page,
  browser,
}) => {
  await signInCitizen(page, "citizen2@example.cn");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);

  // a second browser holding a copy of the cookie is signed in, until the owner signs out
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/zh-Hans/account");
  await expect(thiefPage).toHaveURL(/\/zh-Hans\/account$/);

  await page.getByRole("button", { name: "退出登录" }).click();
  // the header's own link, exactly: the account page's "登录设备管理" would match at once, before
  // the sign-out had reached the server
  await expect(page.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeVisible();

  await thiefPage.goto("/zh-Hans/account");
  await expect(thiefPage).toHaveURL(/\/zh-Hans\/sign-in\?returnTo=/);
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  // next-auth's endpoint hands back no fresh cookie for it, only its removal
  const renewed = (session.headers()["set-cookie"] ?? "")
    .split("\n")
    .filter((line) => line.includes("session-token=") && !/session-token=;/.test(line));
  expect(renewed).toEqual([]);
});

test("a citizen sees where they are signed in and signs out everywhere; staff have the same page", async ({
  browser,
}) => {
  // a new person of their own: signing a demo account out everywhere would sign other specs out
  const email = `sessions-${Date.now()}@example.cn`;
  const phone = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await registerCitizen(phone, email);
  await signInCitizen(laptop, email, "en");

  await laptop.goto("/en/account");
  await laptop.getByRole("link", { name: "Where you are signed in" }).click();
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("Where you are signed in");
  // both of these sessions are listed, and only they
  await expect(laptop.locator("tbody tr")).toHaveCount(2);
  await expect(laptop.locator("tbody").getByText("This device")).toHaveCount(1);
  await expectAccessible(laptop);

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/en\/sign-in/);
  await phone.goto("/en/account");
  await expect(phone).toHaveURL(/\/en\/sign-in\?returnTo=/);

  const staff = await (await browser.newContext()).newPage();
  await signInStaff(staff, "caseworker@example.cn");
  await staff.getByRole("link", { name: "登录设备" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("登录设备管理");
  await expect(staff.locator("main")).toContainText("30 分钟");
  await expectAccessible(staff);
});
