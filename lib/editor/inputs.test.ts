import { describe, expect, it } from "vitest";
import {
  annotationCreateSchema,
  MAX_BODY_BYTES,
  metadataSchema,
  readBody,
  segmentPatchSchema,
  webUrl,
} from "@/lib/editor/inputs";
import { expectAppError } from "@/lib/editor/test-support";

const post = (body: BodyInit) =>
  new Request("http://localhost/api/transcripts/t/segments/s", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });

/** A body sent in chunks without a Content-Length, as a client streaming it would. */
function streamed(bytes: number): Request {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
  return new Request("http://localhost/api", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("reading a request body", () => {
  it("returns the checked value of a good body", async () => {
    const value = await readBody(post(JSON.stringify({ text: "Good afternoon.", baseVersion: 3 })), segmentPatchSchema);
    expect(value).toEqual({ text: "Good afternoon.", baseVersion: 3 });
  });

  it("refuses a body that is not JSON, saying to send JSON", async () => {
    const error = await expectAppError(readBody(post("{text: 'oops'"), segmentPatchSchema), "BAD_REQUEST");
    expect(error.message).toMatch(/JSON/);
  });

  it("refuses a body over 2 MB as TOO_LARGE, even without a Content-Length", async () => {
    const error = await expectAppError(readBody(streamed(MAX_BODY_BYTES + 1), segmentPatchSchema), "TOO_LARGE");
    expect(error.message).toContain("2 MB");
  });

  it("refuses a declared Content-Length over 2 MB without reading a byte of the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://localhost/api", {
      method: "POST",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
      body,
      duplex: "half",
    } as RequestInit);
    await expectAppError(readBody(request, segmentPatchSchema), "TOO_LARGE");
    // The stream's first pull may run when the request is made; nothing is read after that.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("refuses unknown fields, naming them", async () => {
    const error = await expectAppError(
      readBody(post(JSON.stringify({ text: "Hi", baseVersion: 1, version: 9 })), segmentPatchSchema),
      "BAD_REQUEST",
    );
    expect(error.message).toContain("version");
  });

  it("names the field at fault, with the schema's own message", async () => {
    const error = await expectAppError(
      readBody(post(JSON.stringify({ text: "Hi" })), segmentPatchSchema),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors.baseVersion).toBe("Send the version you started from (baseVersion).");
    expect(error.message).toBe("baseVersion: Send the version you started from (baseVersion).");
  });
});

describe("links", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>1</script>",
    "ftp://x.org/a",
    "nato.int",
  ])("refuses %s", (url) => {
    expect(webUrl.safeParse(url).success).toBe(false);
  });

  it("accepts http and https addresses", () => {
    expect(webUrl.parse(" https://www.nato.int/a?b=c ")).toBe("https://www.nato.int/a?b=c");
    expect(webUrl.safeParse("http://example.org").success).toBe(true);
  });

  it("are checked wherever a schema takes one: annotation sources and the transcript's links", () => {
    const annotation = annotationCreateSchema.safeParse({
      segmentId: "s",
      start: 0,
      end: 4,
      kind: "factcheck",
      verdict: "false",
      sources: [{ url: "javascript:alert(1)" }],
    });
    expect(annotation.success).toBe(false);
    expect(metadataSchema.safeParse({ baseVersion: 1, mediaUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(metadataSchema.safeParse({ baseVersion: 1, sourceUrl: "https://www.nato.int" }).success).toBe(true);
  });
});
