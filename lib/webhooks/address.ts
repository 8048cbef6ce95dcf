import { isIP } from "node:net";

/**
 * Whether webhooks may go to loopback, private, link-local and other non-public addresses:
 * only when WEBHOOK_ALLOW_PRIVATE=1 (tests start their receivers on 127.0.0.1). Off by default,
 * so a registered URL cannot make the server call into its own network (SSRF).
 */
export function privateTargetsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE === "1";
}

const v4 = (address: string) => address.split(".").map(Number);

/** True for an address a webhook must not reach: loopback, private, link-local, CGNAT, multicast, unspecified, … */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    const [a, b] = v4(address);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  if (family === 6) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isNonPublicAddress(mapped[1]);
    // the URL parser writes a mapped IPv4 address in hex (::ffff:7f00:1)
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (hex) {
      const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return isNonPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return (
      // ::, ::1 and the rest of ::/16 (IPv4-compatible and mapped forms)
      lower.startsWith("::") ||
      /^f[cd]/.test(lower) ||
      /^fe[89ab]/.test(lower) ||
      /^ff/.test(lower) ||
      lower.startsWith("64:ff9b:") ||
      lower.startsWith("2001:db8")
    );
  }
  return true;
}

/**
 * A webhook URL as registered: http or https only, no user name or password in it, at most 500
 * characters; an address written as an IP must be public unless private targets are allowed.
 * (A host name is checked again when it is resolved, at each delivery.) Returns the error code or null.
 */
export function webhookUrlProblem(value: string, allowPrivate = privateTargetsAllowed()): string | null {
  if (value.length > 500) return "tooLongMax|500";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "webhookUrlInvalid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "webhookUrlInvalid";
  if (url.username || url.password) return "webhookUrlInvalid";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowPrivate) return null;
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal"))
    return "webhookUrlPrivate";
  if (isIP(host) && isNonPublicAddress(host)) return "webhookUrlPrivate";
  return null;
}
