import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { waitForSmsCode } from "../helpers/sms";

test.use({ javaScriptEnabled: false });

/** A number nobody has: unique per run, so the spec can run again against the same server. */
const mobile = `139${String(Date.now()).slice(-8)}`;

test("a citizen registers and signs in with a texted code, without JavaScript, and chooses SMS for 补正 notices", async ({
  page,
  browser,
}) => {
  await page.goto("/zh-Hans/sign-in");
  await page.getByRole("link", { name: "使用手机验证码登录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("手机验证码登录");

  // a malformed number is named, and kept
  await page.locator("#code-send-mobile").fill("12345");
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.locator("#code-send-mobile-error")).toContainText("11 位");
  await expect(page.locator("#code-send-mobile")).toHaveValue("12345");

  await page.locator("#code-send-mobile").fill(`+86 ${mobile}`);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText(`验证码已发送至 ${mobile}`)).toBeVisible();
  const code = await waitForSmsCode(mobile);

  // a wrong code is refused on its field; the right one registers the number with the name
  await expect(page.locator("#code-sign-in-mobile")).toHaveValue(mobile);
  await page.locator("#code-sign-in-code").fill(code === "000000" ? "111111" : "000000");
  await page.locator("#code-sign-in-name").fill("短信测试");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("#code-sign-in-code-error")).toHaveText(/验证码不正确/);
  await page.locator("#code-sign-in-code").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/zh-Hans\/account$/);

  // the account's mobile page shows the number and takes the channel choices
  await page.goto("/zh-Hans/account/mobile");
  await expect(page.getByText(mobile, { exact: true })).toBeVisible();
  await page.getByRole("group", { name: "要求补正材料" }).getByLabel("短信", { exact: true }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("通知方式已保存。")).toBeVisible();
  await expect(
    page.getByRole("group", { name: "要求补正材料" }).getByLabel("短信", { exact: true }),
  ).toBeChecked();

  // axe does not answer on a page without JavaScript: both pages are checked in a copy with it
  const withScript = await browser.newContext({
    javaScriptEnabled: true,
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
  });
  const copy = await withScript.newPage();
  await copy.goto("/zh-Hans/account/mobile");
  await expectAccessible(copy);
  await withScript.clearCookies();
  await copy.goto("/zh-Hans/sign-in/mobile");
  await expectAccessible(copy);
  await withScript.close();
});
