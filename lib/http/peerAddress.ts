import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Which peers may report the client's address: the TRUSTED_PROXIES list (addresses, CIDR ranges
 * or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`, comma-separated). Empty trusts
 * nobody, so the socket's peer is the client.
 */
export function trustedProxies(
  value: string | undefined = process.env.TRUSTED_PROXIES,
): ReturnType<typeof proxyaddr.compile> {
  const list = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return proxyaddr.compile(list);
}

/** `::ffff:192.0.2.1` is the IPv4 client 192.0.2.1 reaching an IPv6 socket: one client, one name. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address.toLowerCase();
}

/**
 * The client of a request: the socket's peer, or, when that peer is a trusted proxy, the address
 * the chain of trusted proxies reports in X-Forwarded-For, read from the right (the end a trusted
 * proxy appended), stopping at the first hop that is not trusted — the same rule as Express's
 * "trust proxy". Entries a client wrote itself sit to the left of that hop and are never read.
 */
export function peerAddress(request: IncomingMessage, trust: ReturnType<typeof proxyaddr.compile>): string {
  if (!request.socket.remoteAddress) return "unknown";
  return normaliseAddress(proxyaddr(request, trust));
}
