/**
 * The request header that carries the client's address. Only the server that accepts the
 * connection (scripts/server.ts) writes it, after dropping any copy the client sent.
 */
export const clientAddressHeader = "x-onestop-client";
