import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { pdfFile } from "../helpers/files";
import { employmentDetails } from "../../helpers/answers";

/** On the local identity platform's page (scripts/oidc-server.ts), pick who you are. */
async function pickIdentity(page: Page, name: string) {
  await expect(page.locator("h1")).toContainText("(local)");
  await page.getByRole("button", { name, exact: true }).click();
}

test("a citizen signs on at real-name level and applies with name and ID locked; a 代办 shows agent and principal to a caseworker signed on through the government sign-on", async ({
  page,
  browser,
}) => {
  // a person new to the portal: the identity platform's sign-on makes a real-name account
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Sign in with the unified identity platform" }).click();
  await pickIdentity(page, "王芳");
  await expect(page).toHaveURL(/\/en\/account/);
  const identity = page.locator(`section[aria-labelledby="identity"]`);
  await expect(identity).toContainText("Real name verified");
  await expect(identity).toContainText("王芳");
  await expect(identity).toContainText("5101**********4019");

  // the form fills name and ID number from the verified identity, and they cannot be changed
  await page.goto("/en/services/RS-JYDJ-001/apply");
  await expect(page.getByLabel("Full name")).toHaveValue("王芳");
  await expect(page.getByLabel("Full name")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("ID card number")).toHaveValue("510106199508224019");
  await expect(page.getByLabel("ID card number")).toHaveAttribute("readonly", "");
  await expectAccessible(page);
  await page.getByLabel("Mobile phone").fill("13900280003");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Employer", { exact: true }).fill("成都蓉城科技有限公司");
  await page.getByLabel("Employment start date").fill("2026-11-02");
  await page.getByLabel("Full-time").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Copy of ID card").setInputFiles(pdfFile);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("main")).toContainText("510106199508224019");
  await page.getByRole("button", { name: "Accept and submit" }).click();
  await expect(page.locator("h1")).toHaveText("Application submitted");

  // 代办 through the API with the same session: the principal's details and a signed declaration
  const upload = async () => {
    const uploaded = await page.request.post("/api/v1/uploads", {
      multipart: { file: { name: pdfFile.name, mimeType: pdfFile.mimeType, buffer: pdfFile.buffer } },
    });
    expect(uploaded.status()).toBe(201);
    return ((await uploaded.json()) as { id: string }).id;
  };
  const [idCardCopy, declaration] = [await upload(), await upload()];
  const created = await page.request.post("/api/v1/applications", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: {
      serviceCode: "RS-JYDJ-001",
      answers: employmentDetails,
      uploads: { idCardCopy },
      onBehalf: { name: "李雪梅", idNumber: "510107198805123021", declaration },
    },
  });
  expect(created.status()).toBe(201);
  const { trackingNumber } = (await created.json()) as { trackingNumber: string };

  // a caseworker the administrator registered signs on through the government sign-on (multi-factor there)
  const staff = await (await browser.newContext()).newPage();
  await staff.goto("/staff/sign-in");
  await staff.getByRole("button", { name: "使用政务统一认证" }).click();
  await pickIdentity(staff, "王建国");
  await expect(staff).toHaveURL(/\/staff$/);
  await staff.goto(`/staff/cases/${trackingNumber}`);
  const who = staff.locator(`section[aria-labelledby="applicant-identity"]`);
  await expect(who).toContainText("代办");
  await expect(who).toContainText("代理人王芳");
  await expect(who).toContainText("委托人李雪梅 · 510107198805123021");
  await expect(staff.locator(`section[aria-labelledby="files"]`)).toContainText("授权委托书");
  await expectAccessible(staff);

  // a civil servant nobody registered is refused, and says why
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/staff/sign-in");
  await stranger.getByRole("button", { name: "使用政务统一认证" }).click();
  await pickIdentity(stranger, "钱进");
  await expect(stranger.locator("main").getByRole("alert")).toContainText("未由管理员登记");
});
