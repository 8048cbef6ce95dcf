import { createHash, randomInt } from "node:crypto";

/**
 * Recovery codes: ten at a time, each good once, shown to their owner once and kept only as a
 * SHA-256 (they are random, 50 bits each, so a plain hash cannot be reversed by guessing). Ten
 * characters from an alphabet without look-alikes, written in two groups of five.
 */
export const recoveryCodeCount = 10;
const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The form a code is compared in: case, spaces and dashes as typed do not matter. */
function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}
