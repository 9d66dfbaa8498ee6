// A stand-in for the edge cache in the end-to-end run: it records every PURGE the desk server sends to
// EDGE_PURGE_URL and lists them at GET /purges, so a test can see what the edge was told to forget.
import { createServer } from "node:http";

export const PURGE_RECORDER_PORT = 3209;

if (/purge-recorder\.ts$/.test(process.argv[1] ?? "")) {
  const purges: { at: number; keys: string[] }[] = [];
  createServer((request, response) => {
    if (request.method === "PURGE") {
      const header = request.headers["surrogate-key"];
      purges.push({
        at: Date.now(),
        keys: String(header ?? "")
          .split(" ")
          .filter(Boolean),
      });
      response.writeHead(200).end("Purged.");
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ purges }));
  }).listen(PURGE_RECORDER_PORT, "127.0.0.1");
}
