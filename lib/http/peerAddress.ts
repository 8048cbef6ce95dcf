import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/** How many addresses' answers the trust check keeps (then it starts again). */
const keptAnswers = 16_384;

/**
 * Which peers may report the client's address: the TRUSTED_PROXIES list (addresses, CIDR ranges
 * or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`, comma-separated). Empty trusts
 * nobody, so the socket's peer is the client. Each address's answer is kept: proxy-addr parses
 * the address afresh at every call (3.5 µs of a cached page's answer), and the proxy in front
 * asks the same question for every request.
 */
export function trustedProxies(
  value: string | undefined = process.env.TRUSTED_PROXIES,
): ReturnType<typeof proxyaddr.compile> {
  const list = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trusts = proxyaddr.compile(list);
  const answers = new Map<string, boolean>();
  // proxy-addr's compiled check reads only the address, not the hop's index
  return (address, hop) => {
    let answer = answers.get(address);
    if (answer === undefined) {
      answer = trusts(address, hop);
      // only what could be an address is kept (an IPv6 one with its zone is at most 45 characters):
      // X-Forwarded-For is the client's to write, and a kept answer must not keep a long header
      if (address.length > 45) return answer;
      if (answers.size >= keptAnswers) answers.clear();
      answers.set(address, answer);
    }
    return answer;
  };
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
