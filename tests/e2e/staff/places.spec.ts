import { expect, test } from "@playwright/test";
import { signInStaff } from "../helpers/accounts";
import { staffPage } from "../helpers/staff";

/**
 * 行政区划管理 without JavaScript: the administrator adds a community under a seeded street
 * (prisma/seed/data/places.ts: 510104001 春熙路街道) and renames it; a wrong code is named with
 * what was typed kept, and the citizens' subscription form offers the new community at once.
 */
test("the administrator adds and renames a community; a wrong code is named, nothing typed is lost; the public form offers it at once", async ({
  browser,
}) => {
  // 9xx: no seeded community has it (0xx 社区, 2xx 村)
  const stamp = Date.now().toString().slice(-2);
  const code = `5101040019${stamp}`;
  const name = `东大街${stamp}社区`;
  const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInStaff(admin, "admin@example.cn");
  await admin.goto("/staff/places");
  await expect(admin.getByRole("region", { name: "现有区划" })).toContainText("春熙路街道");

  const fill = async (codeValue: string) => {
    await admin.getByLabel("社区/村", { exact: true }).check();
    await admin.getByLabel("区划代码").fill(codeValue);
    await admin.getByLabel("名称", { exact: true }).fill(name);
    await admin.getByLabel("英文名称").fill("Dongdajie Community");
    await admin.getByRole("button", { name: "保存", exact: true }).click();
  };
  // not a code at all, then a street's code for a community: the code is named, the names stay as typed
  await fill(code.slice(0, -1));
  await expect(admin.getByRole("alert")).toContainText("区划代码为 6、9 或 12 位数字");
  await expect(admin.getByLabel("名称", { exact: true })).toHaveValue(name);
  await fill(code.slice(0, 9));
  await expect(admin.getByRole("alert")).toContainText("该层级的代码应为 12 位");
  await expect(admin.getByLabel("名称", { exact: true })).toHaveValue(name);
  // under a street that does not exist
  await fill(`510104099${code.slice(-3)}`);
  await expect(admin.getByRole("alert")).toContainText("上级区划不存在");

  await fill(code);
  await expect(admin.getByRole("status")).toHaveText(`已新增 ${code}。`);
  await expect(admin.getByRole("region", { name: "现有区划" })).toContainText(name);

  // the public subscription form lists it straight away, under its district and street
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto("/zh-Hans/notices/subscribe");
  const community = visitor.getByLabel("社区/村", { exact: true });
  await expect(community.locator(`option[value="${code}"]`)).toHaveText(`锦江区 · 春熙路街道 · ${name}`);

  // the same code again renames it
  await admin.getByLabel("社区/村", { exact: true }).check();
  await admin.getByLabel("区划代码").fill(code);
  await admin.getByLabel("名称", { exact: true }).fill(`${name}（新）`);
  await admin.getByLabel("英文名称").fill("Dongdajie Community");
  await admin.getByRole("button", { name: "保存", exact: true }).click();
  await expect(admin.getByRole("status")).toHaveText(`已修改 ${code}。`);
  await visitor.reload();
  await expect(community.locator(`option[value="${code}"]`)).toHaveText(
    `锦江区 · 春熙路街道 · ${name}（新）`,
  );

  // a caseworker does not keep the places: the page does not exist for them
  const caseworker = await staffPage(browser, "caseworker@example.cn");
  const response = await caseworker.goto("/staff/places");
  expect(response?.status()).toBe(404);
});
