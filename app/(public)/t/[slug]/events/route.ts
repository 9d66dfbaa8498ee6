// GET /t/:slug/events: a live transcript's Server-Sent Events (paragraph, annotation, correction, speaker, end), each
// with its number as `id`, so EventSource resumes after a dropped connection with Last-Event-ID; the reading page
// opens it with ?after=<the number its content reflects>. Every stream is held by this server's hub
// (lib/live/hub.ts), which reads each event once for all of them. Anything not live is a 404, like its page.
// The production server (scripts/serve.ts) answers this address itself, on the socket (lib/live/node-stream.ts);
// this route serves `next dev` and any server that passes everything to Next.
import { liveHub, resumePoint, type LiveSubscriber } from "@/lib/live/hub";
import { LIVE_STREAM_HEADERS, MAX_QUEUED_BYTES } from "@/lib/live/node-stream";
import { parseSlug } from "@/lib/validations/route-params";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return new Response("Nothing is live at this address.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(request: Request, { params }: RouteContext<"/t/[slug]/events">) {
  const slug = parseSlug((await params).slug);
  if (!slug) return notFound();
  const after = resumePoint(request.headers.get("last-event-id"), new URL(request.url).searchParams.get("after"));
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      cancel() {
        close();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  const subscriber: LiveSubscriber = {
    write(chunk) {
      if (isClosed) return false;
      controller.enqueue(chunk);
      return (controller.desiredSize ?? 0) > -MAX_QUEUED_BYTES;
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      controller.close();
    },
  };
  const disconnect = await liveHub().connect(slug, after, subscriber);
  if (!disconnect) return notFound();
  function close() {
    disconnect?.();
    isClosed = true;
  }
  request.signal.addEventListener("abort", close, { once: true });
  return new Response(stream, { headers: LIVE_STREAM_HEADERS });
}
