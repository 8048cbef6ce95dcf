import { generate, generateSecret, generateURI, verify } from "otplib";

/**
 * TOTP as RFC 6238 defines it and authenticator apps expect it: HMAC-SHA-1, 30-second steps,
 * 6 digits. A code is accepted during its own step and, for the delay of typing and sending it,
 * the one before; never a code from the future.
 */
const totpPeriodSeconds = 30;
const pastToleranceSeconds = totpPeriodSeconds;

/** The RFC 6238 time step of a moment. */
export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpPeriodSeconds);
}

/** A new random secret (160 bits, base32), as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The code an authenticator shows at a moment (for the seed's demo and tests). */
export function totpCode(input: { secret: string; now?: Date }): Promise<string> {
  return generate({ secret: input.secret, epoch: Math.floor((input.now ?? new Date()).getTime() / 1000) });
}

/**
 * The time step a typed code belongs to, or null when it is wrong, from the future, or from a step
 * at or before `afterStep` (a code already used: each is good once).
 */
export async function matchTotp(input: {
  secret: string;
  code: string;
  now?: Date;
  afterStep?: number | null;
}): Promise<number | null> {
  const code = input.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const now = input.now ?? new Date();
  // otplib refuses an afterStep beyond the window it checks; such a step accepts nothing anyway
  if (input.afterStep != null && input.afterStep >= timeStepAt(now)) return null;
  const result = await verify({
    secret: input.secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: [pastToleranceSeconds, 0],
    ...(input.afterStep != null ? { afterTimeStep: input.afterStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(input: { secret: string; issuer: string; account: string }): string {
  return generateURI({ issuer: input.issuer, label: input.account, secret: input.secret });
}
