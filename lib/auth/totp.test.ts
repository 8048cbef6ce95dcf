import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, timeStepAt, totpCode, totpUri } from "./totp";

const secret = "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA";
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP (RFC 6238, SHA-1, 30 s, 6 digits)", () => {
  it("matches the RFC 6238 test vectors for SHA-1 (last 6 digits)", async () => {
    // the RFC's key is the ASCII "12345678901234567890", base32 below
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(await totpCode({ secret: rfcSecret, now: at(59) })).toBe("287082");
    expect(await totpCode({ secret: rfcSecret, now: at(1111111109) })).toBe("081804");
    expect(await totpCode({ secret: rfcSecret, now: at(2000000000) })).toBe("279037");
  });

  it("accepts the current step's code and the previous step's, never a future one", async () => {
    const now = at(1_800_000_015); // 15 s into a step
    const step = timeStepAt(now);
    const current = await totpCode({ secret, now });
    const previous = await totpCode({ secret, now: at(1_800_000_015 - 30) });
    const next = await totpCode({ secret, now: at(1_800_000_015 + 30) });
    const older = await totpCode({ secret, now: at(1_800_000_015 - 60) });
    expect(await matchTotp({ secret, code: current, now })).toBe(step);
    expect(await matchTotp({ secret, code: previous, now })).toBe(step - 1);
    expect(await matchTotp({ secret, code: next, now })).toBeNull();
    expect(await matchTotp({ secret, code: older, now })).toBeNull();
  });

  it("refuses a code from a step already used (replay), and anything but six digits", async () => {
    const now = at(1_800_000_015);
    const code = await totpCode({ secret, now });
    const step = timeStepAt(now);
    expect(await matchTotp({ secret, code, now, afterStep: step - 1 })).toBe(step);
    expect(await matchTotp({ secret, code, now, afterStep: step })).toBeNull();
    expect(await matchTotp({ secret, code, now, afterStep: step + 5 })).toBeNull();
    expect(await matchTotp({ secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, now })).toBe(step);
    expect(await matchTotp({ secret, code: "12345", now })).toBeNull();
    expect(await matchTotp({ secret, code: "abcdef", now })).toBeNull();
  });

  it("makes random base32 secrets and an otpauth address apps read", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = totpUri({ secret, issuer: "成都市政务服务", account: "a@example.cn" });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(uri).searchParams.get("secret")).toBe(secret);
  });
});
