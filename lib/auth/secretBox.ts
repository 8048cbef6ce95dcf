import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Authenticator secrets at rest: AES-256-GCM under TOTP_ENCRYPTION_KEY, so a copy of the database
 * (a backup, a replica) does not hand out every second factor. Without a key the secret is kept
 * as it is (development and tests); a sealed value says so by its prefix, so both can be read and
 * a key set later applies to every secret written from then on.
 */
const prefix = "aesgcm1:";

function keyOf(env: Record<string, string | undefined>): Buffer | null {
  const configured = env.TOTP_ENCRYPTION_KEY?.trim();
  // any length of configured text becomes a 256-bit key; a generated key is 32 random bytes
  return configured ? createHash("sha256").update(configured).digest() : null;
}

export function sealSecret(plain: string, env: Record<string, string | undefined> = process.env): string {
  const key = keyOf(env);
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return prefix + [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

/** The secret back; throws when it was sealed and the key is missing or not the one used. */
export function openSecret(stored: string, env: Record<string, string | undefined> = process.env): string {
  if (!stored.startsWith(prefix)) return stored;
  const key = keyOf(env);
  if (!key) throw new Error("an authenticator secret is sealed but TOTP_ENCRYPTION_KEY is not set");
  const [iv, tag, sealed] = stored
    .slice(prefix.length)
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
}
