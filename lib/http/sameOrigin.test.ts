import { afterEach, describe, expect, it, vi } from "vitest";
import { sameOriginOrSafe } from "./sameOrigin";

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
  it("never believes X-Forwarded-Host, which any client can send", () => {
    expect(
      sameOriginOrSafe(
        request("POST", {
          host: "portal.example",
          "x-forwarded-host": "evil.example",
          origin: "https://evil.example",
        }),
      ),
    ).toBe(false);
  });
  describe("behind a proxy that changes the Host", () => {
    afterEach(() => vi.unstubAllEnvs());
    it("accepts the configured public origin, scheme and port included", () => {
      vi.stubEnv("NEXTAUTH_URL", "https://portal.example.cn");
      const behind = (origin: string) =>
        sameOriginOrSafe(request("POST", { host: "127.0.0.1:3000", origin }));
      expect(behind("https://portal.example.cn")).toBe(true);
      expect(behind("http://portal.example.cn")).toBe(false);
      expect(behind("https://portal.example.cn:8443")).toBe(false);
      expect(behind("https://evil.example")).toBe(false);
    });
  });
});
