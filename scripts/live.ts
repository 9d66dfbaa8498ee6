// `npm run live -- --transcript ID --from FILE [--realtime] [--speed N] [--url URL] [--batch N]`
//
// Replays a caption file into a live transcript through the server's API (POST /api/transcripts/:id/live/cues), as
// a caption feed would: for rehearsals, demos and the tests. Subtitle files (SRT, WebVTT) and streaming recognition
// logs (Deepgram live, Amazon Transcribe, Google, generic is_final JSON Lines) are read (lib/live/replay.ts). With
// --realtime it keeps the event's own pace (--speed 10 plays it ten times faster); without, it sends the cues in
// batches at once. The API token comes from VERBATIM_TOKEN (`npm run token -- create …`); the server from --url,
// SITE_URL or http://localhost:$PORT.
// Exit codes: 0 every cue accepted, 2 bad input or usage (one line on stderr), 1 the server refused or failed.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { cuesOfFile, replayDelays } from "@/lib/live/replay";
import { isAppError } from "@/lib/errors";

const USAGE =
  "Usage: VERBATIM_TOKEN=… npm run live -- --transcript ID --from FILE [--realtime] [--speed N] [--url URL] [--batch N]";

class UsageError extends Error {}

function readArguments() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        transcript: { type: "string" },
        from: { type: "string" },
        realtime: { type: "boolean", default: false },
        speed: { type: "string", default: "1" },
        url: { type: "string" },
        batch: { type: "string", default: "50" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.transcript || !values.from) throw new UsageError(`Name the transcript and the file.\n${USAGE}`);
  const speed = Number(values.speed);
  const batch = Number(values.batch);
  if (!(speed > 0)) throw new UsageError(`--speed must be a number above 0, such as 10.\n${USAGE}`);
  if (!Number.isInteger(batch) || batch < 1 || batch > 1000)
    throw new UsageError(`--batch must be 1 to 1000.\n${USAGE}`);
  const token = process.env.VERBATIM_TOKEN;
  if (!token)
    throw new UsageError(`Set VERBATIM_TOKEN to an API token (npm run token -- create --as EMAIL --name live).`);
  const url = (values.url ?? process.env.SITE_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(
    /\/+$/,
    "",
  );
  return { transcript: values.transcript, file: values.from, realtime: values.realtime, speed, batch, token, url };
}

async function send(url: string, token: string, transcript: string, cues: unknown[]): Promise<number> {
  const response = await fetch(`${url}/api/transcripts/${encodeURIComponent(transcript)}/live/cues`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ cues }),
  });
  if (response.status !== 202) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`The server answered ${response.status}: ${body?.error?.message ?? response.statusText}`);
  }
  return ((await response.json()) as { segments: unknown[] }).segments.length;
}

async function main() {
  const options = readArguments();
  let text: string;
  try {
    text = fs.readFileSync(options.file, "utf8");
  } catch {
    throw new UsageError(`Cannot read ${options.file}.`);
  }
  let cues;
  try {
    cues = cuesOfFile(path.basename(options.file), text);
  } catch (error) {
    throw new UsageError(`${options.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (cues.length === 0) throw new UsageError(`${options.file} has no captions.`);
  let written = 0;
  if (options.realtime) {
    const delays = replayDelays(cues, options.speed);
    for (const [index, cue] of cues.entries()) {
      if (delays[index]! > 0) await new Promise((resolve) => setTimeout(resolve, delays[index]));
      written += await send(options.url, options.token, options.transcript, [cue]);
    }
  } else {
    for (let at = 0; at < cues.length; at += options.batch) {
      written += await send(options.url, options.token, options.transcript, cues.slice(at, at + options.batch));
    }
  }
  const finals = cues.filter((cue) => cue.final).length;
  console.log(`Sent ${cues.length} cues (${finals} final); the server wrote ${written} paragraph updates.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError || isAppError(error)) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
