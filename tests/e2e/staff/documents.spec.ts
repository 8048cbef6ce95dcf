import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInStaff } from "../helpers/accounts";

test("an editor publishes a document with a made 索引号, fixes a bad 文号, then repeals it", async ({
  page,
}) => {
  await signInStaff(page, "editor@example.cn");
  await page.goto("/staff/documents/new");
  await expectAccessible(page);
  await page.locator("#field-department").selectOption("RSJ");
  await page.locator("#field-title").fill("关于做好2027年元旦春节期间就业服务工作的通知");
  await page.locator("#field-category").selectOption("labour.employment");
  await page.locator("#field-docType").selectOption("notice");
  await page.locator("#field-docNumber").fill("成人社发[2026]88号");
  await page.locator("#field-keywords").fill("就业 服务 通知");
  await page.locator("#field-writtenOn").fill("2026-11-20");
  await page.locator("#field-madeOn").fill("2026-11-20");
  await page.locator("#field-source").fill("成都市人力资源和社会保障局");
  await page.locator("#field-summary").fill("部署元旦春节期间就业服务工作。");
  await page.locator("#field-body").fill("## 一、工作目标\n\n做好节日期间就业服务。");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(errorSummary(page)).toContainText("〔");
  await expect(page.locator("#field-title")).toHaveValue("关于做好2027年元旦春节期间就业服务工作的通知");
  await page.locator("#field-docNumber").fill("成人社发〔2026〕88号");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page).toHaveURL(/\/staff\/documents\/RSJ\/\d{4}-\d{5}\?done=1$/);
  const indexNo = page.url().match(/documents\/(RSJ\/\d{4}-\d{5})/)![1];
  await expectAccessible(page);

  await page.getByLabel("废止", { exact: true }).check();
  await page.locator("#validity-validityFrom").fill("2026-12-01");
  await page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "有效性" }) })
    .getByRole("button", { name: "保存" })
    .click();
  await expect(page.getByRole("status")).toContainText("第 2 版");

  // 政策解读: linked to its 原文 by 索引号; an interpretation cannot be the original (the field named)
  await test.step("政策解读 linked on the edit page", async () => {
    const interpretation = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "政策解读" }) });
    await page.locator("#interpretation-interprets").fill("RSJ/2025-00003");
    await interpretation.getByRole("button", { name: "保存" }).click();
    await expect(errorSummary(page)).toContainText("所填文件本身是一篇解读");
    await expect(page.locator("#interpretation-interprets")).toHaveValue("RSJ/2025-00003");
    await page.locator("#interpretation-interprets").fill("rsj/2025-00001");
    await interpretation.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toContainText("第 3 版");
  });

  await page.goto(`/zh-Hans/disclosure/${indexNo}`);
  await expect(page.getByRole("note")).toContainText("废止");
  await expect(page.locator("main")).toContainText(indexNo);
  await expect(page.getByRole("region", { name: "原文", exact: true }).getByRole("link")).toHaveAttribute(
    "href",
    "/zh-Hans/disclosure/RSJ/2025-00001",
  );
  await page.getByRole("link", { name: "打印版" }).click();
  // the print view's h1 is the document page's own: wait for what only the print view shows, or axe
  // can run on the document page while the navigation swaps it (CI: "Documents must have <title>")
  await expect(page).toHaveURL(new RegExp(`/disclosure/${indexNo}/print$`));
  await expect(page.getByText("这是打印版", { exact: false })).toBeVisible();
  await expect(page.locator("h1")).toHaveText("关于做好2027年元旦春节期间就业服务工作的通知");
  await expectAccessible(page);
  const csv = await page.request.get("/zh-Hans/disclosure/annual-report/2026/documents.csv");
  expect((await csv.body()).toString("utf8")).toContain("通知");
});
