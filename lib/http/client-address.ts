import type { IncomingHttpHeaders } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The header Verbatim's server (scripts/serve.ts) sets on every request to the client address it trusts. Whatever a
 * client sends under this name is overwritten, so code behind the server can rely on it.
 */
export const CLIENT_ADDRESS_HEADER = "x-verbatim-client-address";

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * TRUSTED_PROXIES: comma-separated addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`). Unset or empty trusts no proxy, so X-Forwarded-For from a client is ignored and the socket's own
 * address counts. Throws a readable error for a value proxy-addr cannot read.
 */
export function compileTrustedProxies(setting: string | undefined): TrustProxy {
  const entries = (setting ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return () => false;
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXIES must list addresses, CIDR ranges, loopback, linklocal or uniquelocal (${
        error instanceof Error ? error.message : String(error)
      }).`,
    );
  }
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the nearest X-Forwarded-For hop
 * that is not itself trusted (proxy-addr walks the list from the right, as Express does).
 */
export function resolveClientAddress(
  request: { socket: { remoteAddress?: string }; headers: IncomingHttpHeaders },
  trust: TrustProxy,
): string {
  if (!request.socket.remoteAddress) return "unknown";
  // proxy-addr reads `connection` (the old name of `socket`). Node's headers live on the prototype: name them.
  const view = { headers: request.headers, connection: request.socket, socket: request.socket };
  const address = proxyaddr(view as unknown as Parameters<typeof proxyaddr>[0], trust);
  return normaliseAddress(address);
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/** The address the server stamped; "unknown" when the app runs without scripts/serve.ts (e.g. `next dev`). */
export function clientAddressFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = (Array.isArray(value) ? value[0] : value)?.trim();
  return address || "unknown";
}

/** False for "unknown" (no address the server could trust): such a request is not counted against anyone. */
export function hasTrustedAddress(address: string): boolean {
  return address !== "" && address !== "unknown";
}

/** What a proxy says about the original request: believed only from a trusted proxy. */
const FORWARDING_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/**
 * Removes the forwarding headers (host, scheme, port) from a request whose peer is not a trusted proxy, so nothing
 * behind the server (the cross-site check, Next's own URLs) believes a host a client made up. X-Forwarded-For is
 * left to resolveClientAddress, which already reads it only through trusted hops.
 */
export function dropUntrustedForwarding(
  request: { socket: { remoteAddress?: string }; headers: IncomingHttpHeaders },
  trust: TrustProxy,
): void {
  const peer = request.socket.remoteAddress;
  if (peer && trust(normaliseAddress(peer), 0)) return;
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
}
