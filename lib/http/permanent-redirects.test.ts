import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerPermanentRedirectsAs301 } from "@/lib/http/permanent-redirects";

// A real server and client: the patch must work whether the code under it calls writeHead itself or lets end()
// write the head from statusCode (what Next does).
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    answerPermanentRedirectsAs301(request, response);
    const url = new URL(request.url ?? "/", "http://x");
    const status = Number(url.searchParams.get("status"));
    if (url.pathname === "/implicit") {
      response.statusCode = status;
      response.setHeader("location", "/elsewhere");
      response.end();
    } else if (url.pathname === "/twice") {
      // What Next does when it answers a redirect it kept in its cache.
      response.statusCode = status;
      response.appendHeader("location", "/elsewhere");
      response.appendHeader("location", "/elsewhere");
      response.end();
    } else {
      response.writeHead(status, { location: "/elsewhere" }).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ask(method: string, path: string): Promise<{ status: number; location?: string; raw?: string[] }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, method, path }, (response) => {
      response.resume();
      const raw = response.rawHeaders.filter((_, index, all) => index % 2 === 1 && /^location$/i.test(all[index - 1]!));
      resolve({ status: response.statusCode ?? 0, location: response.headers.location, raw });
    });
    request.on("error", reject);
    request.end();
  });
}

describe("answerPermanentRedirectsAs301", () => {
  it.each(["GET", "HEAD"])("sends a 308 to a %s as 301, with its Location", async (method) => {
    for (const path of ["/explicit", "/implicit", "/twice"]) {
      expect(await ask(method, `${path}?status=308`), path).toEqual({
        status: 301,
        location: "/elsewhere",
        raw: ["/elsewhere"],
      });
    }
  });

  it("keeps 308 for a POST, and every other status as it is", async () => {
    expect((await ask("POST", "/implicit?status=308")).status).toBe(308);
    expect((await ask("GET", "/implicit?status=307")).status).toBe(307);
    expect((await ask("GET", "/explicit?status=200")).status).toBe(200);
  });
});
