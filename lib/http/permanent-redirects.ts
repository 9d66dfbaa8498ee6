// Next answers `permanentRedirect()` and its own permanent redirects with 308. For a GET or HEAD, 301 and 308 mean
// the same to a browser, but 301 is what crawlers, link checkers and the older HTTP clients newsroom tools use know
// best, so the server (scripts/serve.ts) sends those as 301. Other methods keep 308, which forbids turning a POST
// into a GET.
import type { IncomingMessage, ServerResponse } from "node:http";

export function answerPermanentRedirectsAs301(request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    // Next replays a cached redirect's headers onto the one it renders, so Location can arrive twice: send it once.
    const location = response.getHeader("location");
    if (Array.isArray(location) && location.length > 1) response.setHeader("location", location[0]!);
    if (statusCode === 308) {
      response.statusMessage = "Moved Permanently";
      // A status message given as the second argument would say "Permanent Redirect".
      return writeHead(301, ...(typeof rest[0] === "string" ? rest.slice(1) : rest));
    }
    return writeHead(statusCode, ...rest);
  }) as ServerResponse["writeHead"];
}
