import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { normaliseAddress, peerAddress, trustedProxies } from "./peerAddress";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe("peerAddress", () => {
  it("ignores X-Forwarded-For from a peer nobody trusts", () => {
    expect(peerAddress(request("203.0.113.9", "198.51.100.1"), trustedProxies(""))).toBe("203.0.113.9");
  });

  it("reads the address a trusted proxy appended, not what the client wrote before it", () => {
    const trust = trustedProxies("10.0.0.0/8, loopback");
    expect(peerAddress(request("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.2"), trust)).toBe("198.51.100.7");
    expect(peerAddress(request("127.0.0.1", "198.51.100.7"), trust)).toBe("198.51.100.7");
    expect(peerAddress(request("127.0.0.1"), trust)).toBe("127.0.0.1");
  });

  it("names an IPv4 client the same on an IPv6 socket", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(peerAddress(request("::ffff:192.0.2.1", "1.1.1.1"), trustedProxies(""))).toBe("192.0.2.1");
    expect(peerAddress(request("::ffff:127.0.0.1", "198.51.100.7"), trustedProxies("loopback"))).toBe(
      "198.51.100.7",
    );
  });

  it("answers the same for an address asked again, whose answer it keeps", () => {
    const trust = trustedProxies("10.0.0.0/8");
    for (let round = 0; round < 3; round++) {
      expect(trust("10.1.2.3", 0)).toBe(true);
      expect(trust("198.51.100.7", 1)).toBe(false);
      expect(trust("not an address", 0)).toBe(false);
      expect(trust(`${"1".repeat(60)}`, 0)).toBe(false);
      expect(peerAddress(request("10.0.0.1", "1.1.1.1, 198.51.100.7"), trust)).toBe("198.51.100.7");
    }
  });
});
