import { describe, expect, it } from "vitest";
import { sameOriginOrSafe } from "./actor";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://portal.example/api/v1/applications", { method, headers });

describe("CSRF guard for cookie-authenticated API calls", () => {
  it("lets reads and same-origin writes through", () => {
    expect(sameOriginOrSafe(request("GET", { origin: "https://evil.example" }))).toBe(true);
    expect(
      sameOriginOrSafe(request("POST", { host: "portal.example", origin: "http://portal.example" })),
    ).toBe(true);
    expect(sameOriginOrSafe(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(sameOriginOrSafe(request("POST", {}))).toBe(true); // programs without a browser send no Origin
  });
  it("refuses cross-site writes", () => {
    expect(
      sameOriginOrSafe(request("POST", { host: "portal.example", origin: "https://evil.example" })),
    ).toBe(false);
    expect(sameOriginOrSafe(request("DELETE", { "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(sameOriginOrSafe(request("POST", { host: "portal.example", origin: "null" }))).toBe(false);
  });
});
