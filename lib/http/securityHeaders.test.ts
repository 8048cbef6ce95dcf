import { describe, expect, it } from "vitest";
import {
  applySecurityHeaders,
  newNonce,
  pageSecurity,
  servedOverHttps,
  signOnOrigins,
} from "./securityHeaders";

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

describe("what every answer works out afresh", () => {
  it("sees a changed configuration at once, though its parse is kept", () => {
    const saved = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://zwfw.chengdu.gov.cn";
      expect(servedOverHttps()).toBe(true);
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      expect(servedOverHttps()).toBe(false);
      process.env.NEXTAUTH_URL = "not a url";
      expect(servedOverHttps()).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved;
    }
    expect(signOnOrigins({ OIDC_ISSUER: "https://a.example/oidc" })).toEqual(["https://a.example"]);
    expect(signOnOrigins({ OIDC_ISSUER: "https://b.example/oidc" })).toEqual(["https://b.example"]);
  });

  it("keeps one page policy while the configuration holds, which the page cache plans its answers with", () => {
    const saved = [process.env.NEXTAUTH_URL, process.env.OIDC_ISSUER];
    try {
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      delete process.env.OIDC_ISSUER;
      const plain = pageSecurity();
      expect(pageSecurity()).toBe(plain);
      expect(plain.headers("n1").map(([name]) => name)).toEqual(["content-security-policy"]);
      process.env.NEXTAUTH_URL = "https://zwfw.chengdu.gov.cn";
      const https = pageSecurity();
      expect(https).not.toBe(plain);
      expect(Object.fromEntries(https.headers("n2"))["strict-transport-security"]).toContain("max-age=");
      process.env.OIDC_ISSUER = "https://id.sczwfw.gov.cn/oidc";
      const withPlatform = pageSecurity();
      expect(withPlatform).not.toBe(https);
      expect(Object.fromEntries(withPlatform.headers("n3"))["content-security-policy"]).toContain(
        "'nonce-n3'",
      );
      expect(Object.fromEntries(withPlatform.headers("n3"))["content-security-policy"]).toContain(
        "https://id.sczwfw.gov.cn",
      );
    } finally {
      const [address, issuer] = saved;
      if (address === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = address;
      if (issuer === undefined) delete process.env.OIDC_ISSUER;
      else process.env.OIDC_ISSUER = issuer;
    }
  });

  it("gives every answer a nonce of its own, 128 bits of base64url, across refills of the random pool", () => {
    const nonces = Array.from({ length: 2000 }, () => newNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
