// Sends a body with Transfer-Encoding: chunked (no Content-Length), as a streaming client or a proxy may, and stops
// as soon as the server answers: the answer to an oversized upload should come long before the body ends.
import http from "node:http";

export interface ChunkedUploadResult {
  status: number;
  body: string;
  /** Bytes written before the server answered (or the connection closed). */
  sentBytes: number;
}

export function postChunked({
  url,
  headers,
  totalBytes,
  chunkBytes = 1024 * 1024,
}: {
  url: string;
  headers: Record<string, string>;
  totalBytes: number;
  chunkBytes?: number;
}): Promise<ChunkedUploadResult> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(chunkBytes, "a");
    let sentBytes = 0;
    let answered = false;
    const request = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } });
    request.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), sentBytes });
        request.destroy();
      });
    });
    // Once the server has answered it may close the socket under us; only an error before that is a failure.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const writeMore = () => {
      while (!answered && !request.destroyed && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", writeMore);
          return;
        }
      }
      if (!answered && !request.destroyed) request.end();
    };
    writeMore();
  });
}
