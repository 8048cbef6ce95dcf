import { describe, expect, it } from "vitest";
import { applySecurityHeaders, signOnOrigins } from "./securityHeaders";

describe("the page policy's form-action", () => {
  it("names the identity platforms' origins, which a sign-on form's answer redirects to", () => {
    expect(
      signOnOrigins({
        OIDC_ISSUER: "https://id.sczwfw.gov.cn/oidc/",
        STAFF_OIDC_ISSUER: "https://sso.chengdu.gov.cn:8443/realms/gov",
      }),
    ).toEqual(["https://id.sczwfw.gov.cn", "https://sso.chengdu.gov.cn:8443"]);
    expect(
      signOnOrigins({
        OIDC_ISSUER: "http://localhost:3111/oidc",
        STAFF_OIDC_ISSUER: "http://localhost:3111/oidc",
      }),
    ).toEqual(["http://localhost:3111"]);
  });

  it("names nothing that is not an http(s) URL, so no setting can add a source list of its own", () => {
    expect(signOnOrigins({})).toEqual([]);
    expect(
      signOnOrigins({
        OIDC_ISSUER: "javascript:alert(1)",
        STAFF_OIDC_ISSUER: "'unsafe-inline'; script-src *",
      }),
    ).toEqual([]);
  });

  it("is 'self' and the configured platform in a page's policy", () => {
    const saved = process.env.OIDC_ISSUER;
    process.env.OIDC_ISSUER = "https://id.sczwfw.gov.cn/oidc";
    try {
      const headers = new Headers();
      applySecurityHeaders(headers, { nonce: "abc" });
      expect(headers.get("content-security-policy")).toContain(
        "form-action 'self' https://id.sczwfw.gov.cn;",
      );
    } finally {
      if (saved === undefined) delete process.env.OIDC_ISSUER;
      else process.env.OIDC_ISSUER = saved;
    }
  });
});
