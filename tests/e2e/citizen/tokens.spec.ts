import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { signInCitizen } from "../helpers/accounts";

test.describe("personal API tokens without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen makes a token, a program uses it, the citizen revokes it", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await signInCitizen(page, "citizen2@example.cn", "en");
    await page.goto("/en/account");
    await page.getByRole("link", { name: "Personal API tokens" }).click();
    await page.getByLabel("Name").fill("tax software");
    await page.getByRole("button", { name: "Make token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^os_[A-Za-z0-9_-]{40}$/);

    const program = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${token}` },
    });
    expect((await program.get("/api/v1/applications")).status()).toBe(200);
    expect((await program.post("/api/v1/tokens", { data: { name: "minted by a token" } })).status()).toBe(
      401,
    );

    await page.getByRole("button", { name: "Revoke “tax software”" }).click();
    await expect(page.getByRole("status")).toContainText("revoked");
    expect((await program.get("/api/v1/applications")).status()).toBe(401);
    await program.dispose();
  });
});

test("the tokens page passes axe", async ({ page }) => {
  await signInCitizen(page, "citizen2@example.cn");
  await page.goto("/zh-Hans/account/tokens");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectAccessible(page);
});
