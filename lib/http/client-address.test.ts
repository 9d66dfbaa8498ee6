import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFromHeaders,
  compileTrustedProxies,
  dropUntrustedForwarding,
  resolveClientAddress,
} from "@/lib/http/client-address";

function request(remoteAddress: string, forwardedFor?: string) {
  return { socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} };
}

describe("resolveClientAddress", () => {
  it("ignores a client's X-Forwarded-For when no proxy is trusted", () => {
    const trust = compileTrustedProxies(undefined);
    expect(resolveClientAddress(request("203.0.113.7", "198.51.100.1"), trust)).toBe("203.0.113.7");
  });

  it("takes the nearest untrusted hop behind a trusted proxy", () => {
    const trust = compileTrustedProxies("loopback");
    // A client may prepend anything; only the hop the trusted proxy appended counts.
    expect(resolveClientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.1"), trust)).toBe("198.51.100.1");
  });

  it("does not trust X-Forwarded-For from a peer outside TRUSTED_PROXIES", () => {
    const trust = compileTrustedProxies("10.0.0.0/8");
    expect(resolveClientAddress(request("203.0.113.7", "198.51.100.1"), trust)).toBe("203.0.113.7");
  });

  it("walks through a chain of trusted proxies", () => {
    const trust = compileTrustedProxies("loopback, 10.0.0.0/8");
    expect(resolveClientAddress(request("127.0.0.1", "198.51.100.1, 10.1.2.3"), trust)).toBe("198.51.100.1");
  });

  it("reports IPv4-mapped IPv6 socket addresses as IPv4", () => {
    expect(resolveClientAddress(request("::ffff:192.0.2.4"), compileTrustedProxies(""))).toBe("192.0.2.4");
  });

  it("refuses an unreadable TRUSTED_PROXIES with a sentence naming the setting", () => {
    expect(() => compileTrustedProxies("not-an-address")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("resolveClientAddress on a real Node request", () => {
  it("reads the socket and headers of an IncomingMessage", async () => {
    const { createServer } = await import("node:http");
    const trust = compileTrustedProxies("loopback");
    const server = createServer((incoming, response) => response.end(resolveClientAddress(incoming, trust)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const direct = await fetch(`http://127.0.0.1:${port}/`);
      expect(await direct.text()).toBe("127.0.0.1");
      const proxied = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "198.51.100.23" } });
      expect(await proxied.text()).toBe("198.51.100.23");
    } finally {
      server.close();
    }
  });
});

describe("clientAddressFromHeaders", () => {
  it("reads the stamped header from fetch Headers and from Node's header records", () => {
    expect(clientAddressFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "192.0.2.9" }))).toBe("192.0.2.9");
    expect(clientAddressFromHeaders({ [CLIENT_ADDRESS_HEADER]: ["192.0.2.10"] })).toBe("192.0.2.10");
  });

  it("says unknown when nothing was stamped", () => {
    expect(clientAddressFromHeaders(new Headers())).toBe("unknown");
  });
});

describe("dropUntrustedForwarding", () => {
  const forwarded = () => ({
    "x-forwarded-host": "evil.test",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    forwarded: "host=evil.test;proto=https",
    "x-forwarded-for": "203.0.113.9",
    host: "desk.newsroom.test",
  });

  it("removes the host, scheme and port a client claims when it is not a trusted proxy", () => {
    const request = { socket: { remoteAddress: "198.51.100.4" }, headers: forwarded() };
    dropUntrustedForwarding(request, compileTrustedProxies("loopback"));
    expect(request.headers).toEqual({ "x-forwarded-for": "203.0.113.9", host: "desk.newsroom.test" });
  });

  it("keeps them from a trusted proxy, and removes them when no proxy is trusted at all", () => {
    const proxied = { socket: { remoteAddress: "::ffff:127.0.0.1" }, headers: forwarded() };
    dropUntrustedForwarding(proxied, compileTrustedProxies("loopback"));
    expect(proxied.headers).toEqual(forwarded());
    const direct = { socket: { remoteAddress: "127.0.0.1" }, headers: forwarded() };
    dropUntrustedForwarding(direct, compileTrustedProxies(undefined));
    expect(direct.headers["x-forwarded-host" as keyof typeof direct.headers]).toBeUndefined();
  });
});
