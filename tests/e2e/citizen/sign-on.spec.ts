import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { pdfFile } from "../helpers/files";
import { errorSummary, signInStaff } from "../helpers/accounts";

/** On the local identity platform's page (scripts/oidc-server.ts), pick who you are. */
async function pickIdentity(page: Page, name: string) {
  await expect(page.locator("h1")).toContainText("(local)");
  await page.getByRole("button", { name, exact: true }).click();
}

test("a citizen signs on at real-name level and applies with name and ID locked, then for someone else (代办), all without JavaScript; a caseworker signed on through the government sign-on sees agent, principal and declaration; an administrator registers a staff sign-on that then works", async ({
  browser,
}) => {
  // a person new to the portal, without JavaScript: the identity platform's sign-on makes a
  // real-name account (the form's answer takes the browser to the platform: CSP's form-action
  // names it)
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Sign in with the unified identity platform" }).click();
  await pickIdentity(page, "王芳");
  await expect(page).toHaveURL(/\/en\/account/);
  // the same session with JavaScript, for axe
  const signOn = await (
    await browser.newContext({ storageState: await page.context().storageState() })
  ).newPage();
  const identity = page.locator(`section[aria-labelledby="identity"]`);
  await expect(identity).toContainText("Real name verified");
  await expect(identity).toContainText("王芳");
  await expect(identity).toContainText("5101**********4019");

  // the journey starts with who it is for; the form then fills name and ID number from the
  // verified identity, and they cannot be changed
  await page.goto("/en/services/RS-JYDJ-001/apply");
  await expect(page.locator("h1")).toHaveText("Who is this application for?");
  await page.getByLabel("For myself").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByLabel("Full name")).toHaveValue("王芳");
  await expect(page.getByLabel("Full name")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("ID card number")).toHaveValue("510106199508224019");
  await expect(page.getByLabel("ID card number")).toHaveAttribute("readonly", "");
  // axe needs JavaScript: the same page, in the signed-on context that has it
  await signOn.goto(page.url());
  await expectAccessible(signOn);
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

  // 代办 through the web form: the principal's details and the declaration they signed
  await page.goto("/en/services/RS-JYDJ-001/apply");
  await page.getByLabel("For someone else (代办)").check();
  await page.getByLabel("Principal's name").fill("李雪梅");
  await page.getByLabel("Principal's citizen ID number").fill("510107198805123022");
  await page.getByRole("button", { name: "Save and continue" }).click();
  // each error names its field, and what was typed is kept
  await expect(errorSummary(page)).toContainText("Principal's citizen ID number must be a real 18-character");
  await expect(errorSummary(page)).toContainText("Upload your signed power of attorney (授权委托书)");
  await expect(page.getByLabel("Principal's name")).toHaveValue("李雪梅");
  await expect(page.getByLabel("For someone else (代办)")).toBeChecked();
  await page.getByLabel("Principal's citizen ID number").fill("510107198805123021");
  await page
    .getByLabel("Signed power of attorney (授权委托书)")
    .setInputFiles({ ...pdfFile, name: "power-of-attorney.pdf" });
  await page.getByRole("button", { name: "Save and continue" }).click();
  // the applicant's fields now hold the principal, locked
  await expect(page.getByLabel("Full name")).toHaveValue("李雪梅");
  await expect(page.getByLabel("Full name")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("ID card number")).toHaveValue("510107198805123021");
  await page.getByLabel("Mobile phone").fill("13900280003");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Employer", { exact: true }).fill("成都蓉城科技有限公司");
  await page.getByLabel("Employment start date").fill("2026-11-02");
  await page.getByLabel("Full-time").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Copy of ID card").setInputFiles(pdfFile);
  await page.getByRole("button", { name: "Save and continue" }).click();
  const who = page.locator(`section[aria-labelledby="check-applyingFor"]`);
  await expect(who).toContainText("For someone else (代办)");
  await expect(who).toContainText("李雪梅");
  await expect(who).toContainText("power-of-attorney.pdf");
  await signOn.goto(page.url());
  await expectAccessible(signOn);
  await page.getByRole("button", { name: "Accept and submit" }).click();
  await expect(page.locator("h1")).toHaveText("Application submitted");
  const trackingNumber = new URL(page.url()).searchParams.get("number")!;
  await page.goto(`/en/account/cases/${trackingNumber}`);
  await expect(page.locator("main")).toContainText("Filed for someone else (代办)");
  await expect(page.locator("main")).toContainText("For 李雪梅 (510107198805123021)");

  // a caseworker the administrator registered signs on through the government sign-on (multi-factor there)
  const staff = await (await browser.newContext()).newPage();
  await staff.goto("/staff/sign-in");
  await staff.getByRole("button", { name: "使用政务统一认证" }).click();
  await pickIdentity(staff, "王建国");
  await expect(staff).toHaveURL(/\/staff$/);
  await staff.goto(`/staff/cases/${trackingNumber}`);
  const filedBy = staff.locator(`section[aria-labelledby="applicant-identity"]`);
  await expect(filedBy).toContainText("代办");
  // the agent is the account holder, with the identity the platform verified
  await expect(filedBy).toContainText("代理人王芳 · 510106199508224019");
  await expect(filedBy).toContainText("委托人李雪梅 · 510107198805123021");
  await expect(filedBy.getByRole("link", { name: "power-of-attorney.pdf" })).toHaveAttribute(
    "href",
    /^\/api\/v1\/files\/[a-z0-9]+$/,
  );
  await expect(staff.locator(`section[aria-labelledby="files"]`)).toContainText("授权委托书");
  await expectAccessible(staff);

  // a civil servant nobody registered is refused, and says why
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/staff/sign-in");
  await stranger.getByRole("button", { name: "使用政务统一认证" }).click();
  await pickIdentity(stranger, "钱进");
  await expect(stranger.locator("main").getByRole("alert")).toContainText("未由管理员登记");

  // an administrator registers that civil servant's sign-on subject for a staff account
  const admin = await (await browser.newContext()).newPage();
  await signInStaff(admin, "admin@example.cn");
  await admin.goto("/staff/users");
  await admin.getByRole("link", { name: "工作人员统一身份认证登记" }).click();
  await expect(admin.locator("h1")).toHaveText("工作人员统一身份认证");
  await admin.getByLabel("工作人员账号").selectOption({ label: "赵丽 (caseworker2@example.cn)" });
  await admin.getByLabel("认证标识").fill("s-qianjin");
  await admin.getByRole("button", { name: "登记统一身份认证" }).click();
  await expect(admin.getByRole("status")).toContainText("已登记");
  await expect(admin.getByRole("row", { name: /赵丽/ })).toContainText("s-qianjin");
  await expectAccessible(admin);
  // and the sign-on now opens that account
  await stranger.goto("/staff/sign-in");
  await stranger.getByRole("button", { name: "使用政务统一认证" }).click();
  await pickIdentity(stranger, "钱进");
  await expect(stranger).toHaveURL(/\/staff$/);
});
