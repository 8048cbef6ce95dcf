import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInCitizen } from "../helpers/accounts";
import { staffDo, staffPage } from "../helpers/staff";
import { pdfFile } from "../helpers/files";
import { expectAccessible } from "../helpers/axe";
import { readPdf } from "../../helpers/pdf";
import { employmentAnswers } from "../../helpers/answers";

/** Applies for 就业登记 through the API with the page's session, as the citizen's app would. */
async function applyThroughApi(request: APIRequestContext): Promise<string> {
  const uploaded = await request.post("/api/v1/uploads", {
    multipart: { file: { name: pdfFile.name, mimeType: pdfFile.mimeType, buffer: pdfFile.buffer } },
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const created = await request.post("/api/v1/applications", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: { serviceCode: "RS-JYDJ-001", answers: employmentAnswers(id), uploads: { idCardCopy: id } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { trackingNumber: string }).trackingNumber;
}

test("办结 without a file issues a result document that the applicant downloads and anyone verifies", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signInCitizen(page, "citizen@example.cn");
  const number = await applyThroughApi(page.request);

  const caseworker = await staffPage(browser, "caseworker@example.cn");
  await staffDo(caseworker, number, "受理");
  await staffDo(caseworker, number, "开始审查");
  await staffDo(caseworker, number, "准予");
  // no file: the portal issues the document itself
  await staffDo(caseworker, number, "办结");
  await caseworker.goto(`/staff/cases/${number}`);
  const staffCopy = await caseworker.request.get(
    (await caseworker.getByRole("link", { name: "下载办理结果文书（PDF）" }).getAttribute("href"))!,
  );
  expect(staffCopy.headers()["content-type"]).toBe("application/pdf");

  // the applicant finds it on the case page; it is a 公共服务, so 予以登记, never a licence
  await page.goto(`/zh-Hans/account/cases/${number}`);
  await expectAccessible(page);
  const href = await page.getByRole("link", { name: "下载办理结果文书（PDF）" }).getAttribute("href");
  expect(href).toBe(`/zh-Hans/account/cases/${number}/result.pdf`);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const { text } = await readPdf(new Uint8Array(await response.body()));
  expect(text).toContain("办理结果通知书");
  expect(text).toContain("予以登记");
  expect(text).not.toContain("许可");
  expect(text).toContain(number);
  const code = /文书验证码：([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];
  expect(code).toBeTruthy();

  // another citizen gets 404 for it
  const other = await (await browser.newContext()).newPage();
  await signInCitizen(other, "citizen2@example.cn");
  expect((await other.request.get(href!)).status()).toBe(404);

  // anyone checks it without signing in and without JavaScript, in Chinese and in English
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto("/zh-Hans/verify");
  await visitor.getByLabel("文书验证码").fill(code!.toLowerCase().replace(/-/g, " "));
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor.getByRole("heading", { name: "核验通过：此文书由本门户出具" })).toBeVisible();
  await expect(visitor.locator("main")).toContainText(number);
  await expect(visitor.locator("main")).toContainText("张*明");
  await expect(visitor.locator("main")).not.toContainText("张晓明");
  // axe runs in the page, so it checks the same verdict in a context with JavaScript
  await other.goto(`/zh-Hans/verify?code=${code}`);
  await expect(other.getByRole("heading", { name: "核验通过：此文书由本门户出具" })).toBeVisible();
  await expectAccessible(other);

  await visitor.goto(`/en/verify?code=${code}`);
  await expect(
    visitor.getByRole("heading", { name: "Genuine: this portal issued this document" }),
  ).toBeVisible();
  await expect(visitor.locator("main")).toContainText("Notice of the result");

  // a code that was never issued, and one that cannot be a code
  await visitor.goto("/zh-Hans/verify?code=2222-3333-4444-5555");
  await expect(visitor.getByRole("alert").filter({ hasText: "未找到与该验证码对应的文书" })).toBeVisible();
  await visitor.goto("/en/verify?code=hello");
  await expect(visitor.locator("#field-code-error")).toContainText(
    "Enter the 16-character verification code",
  );
  await expect(visitor.locator("#field-code")).toHaveValue("hello");
});
