import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secretBox";

const env = { TOTP_ENCRYPTION_KEY: "a-key-for-tests-only" };

describe("authenticator secrets at rest", () => {
  it("are sealed with AES-256-GCM when a key is set, differently each time, and open again", () => {
    const sealed = sealSecret("ONESTOPDEMOSTAFFTWOFACTORKEYAAAA", env);
    expect(sealed).not.toContain("ONESTOP");
    expect(sealSecret("ONESTOPDEMOSTAFFTWOFACTORKEYAAAA", env)).not.toBe(sealed);
    expect(openSecret(sealed, env)).toBe("ONESTOPDEMOSTAFFTWOFACTORKEYAAAA");
  });

  it("refuse to open with another key, a missing key, or altered bytes", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", env);
    expect(() => openSecret(sealed, { TOTP_ENCRYPTION_KEY: "another" })).toThrow();
    expect(() => openSecret(sealed, {})).toThrow(/TOTP_ENCRYPTION_KEY/);
    const altered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => openSecret(altered, env)).toThrow();
  });

  it("are kept as they are without a key, and still read after a key is set", () => {
    expect(sealSecret("JBSWY3DPEHPK3PXP", {})).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret("JBSWY3DPEHPK3PXP", env)).toBe("JBSWY3DPEHPK3PXP");
  });
});
