import "server-only";
import { headers } from "next/headers";
import { clientAddressHeader } from "./clientAddressHeader";

/**
 * The address of the client, as the server that accepted the connection established it: the
 * socket's peer, or — only when that peer is a proxy named in configuration — the address that
 * proxy reported. The server sets this header on every request and drops any copy a client sent,
 * so nothing here parses `X-Forwarded-For`, which anyone can write.
 */
export { clientAddressHeader };

/** The client address of a route handler's request; null outside the server (tests calling a handler). */
export function requestClientAddress(request: Request): string | null {
  return request.headers.get(clientAddressHeader);
}

/** The client address of the current request (server components and actions). */
export async function clientAddress(): Promise<string | null> {
  try {
    return (await headers()).get(clientAddressHeader);
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return null;
    throw error;
  }
}
