// `npm run bench:editor`: does the editor stay quick on a long transcript? Starts a production server on loopback
// with its own temporary database and an admin, makes an API token, and seeds through the real API a 30,000-word
// press conference (about 600 paragraphs, 300 annotations) and a 1,000-word one (about 20 paragraphs, 10
// annotations), the baseline. Then, in Chromium driven by Playwright and signed in through the form, for each:
//   - open: from navigation until the first paragraph's textarea is visible and enabled (5 loads: median, max)
//   - keystroke to paint: 200 characters typed one key at a time into a paragraph in the middle of what is rendered,
//     timed in the page from a capture-phase keydown to the frame after the DOM update (p50, p95, max), with the
//     Event Timing entries over 50 ms
//   - save: 20 one-paragraph saves through PATCH /api/transcripts/:id/segments/:segmentId, the server's own time
//     from its Server-Timing header (p50, p95) and the client's round trip
// and prints them side by side with the ratio and PASS/FAIL against the targets. Bounded in time; loopback only.
// Needs a completed `npm run build`. It measures; it always exits 0 unless the setup itself fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { CHROMIUM_FLAGS, findChromium } from "../e2e/chromium";
import { startServer, type RunningServer } from "../e2e/support/spawn-server";
import type { AnnotationKindName, EditorSegment } from "@/lib/editor/types";
import { buildIngestWorker } from "./build-ingest-worker";
import { createBenchToken } from "./support/api-token";
import { seededRandom } from "./support/seeded-random";

const ADMIN = {
  ADMIN_EMAIL: "bench.editor@newsroom.test",
  ADMIN_PASSWORD: "copy desk lamps burning past midnight",
  ADMIN_NAME: "Editor Benchmark",
};
const LARGE = { words: 30_000, paragraphWords: 50, annotations: 300, seed: 20240611 };
const BASELINE = { words: 1_000, paragraphWords: 50, annotations: 10, seed: 20240612 };
const OPEN_RUNS = 5;
const KEYSTROKES = 200;
const SAVES = 20;
const WARM_UP_SAVES = 4;
const REQUEST_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 10 * 60_000;
const TARGETS = { openMs: 2_000, keystrokeP95Ms: 50, saveServerP95Ms: 100, ratio: 2 };
const LONG_EVENT_MS = 50;

// ---------------------------------------------------------------------------------------------------------------
// The transcripts: a regional government's press conference on flood recovery, in labelled turns.

const OFFICIALS = ["MINISTER HOLM", "AMARA OKONKWO"];
const JOURNALISTS = ["Anna Berg (Postimees)", "Paolo Ferri (ANSA)", "Ingrid Dahl (NRK)", "Tomas Reiter (Der Standard)"];
const PLACES = ["Lindvik", "the lower Ems valley", "Aarberg", "the harbour district", "Nordholm", "the old town"];
const PROJECTS = [
  "the new flood barrier at Lindvik",
  "temporary housing for displaced families",
  "repairs to the ring road bridge",
  "the drainage survey",
  "emergency grants for small businesses",
  "clearing the rail line to Aarberg",
  "the river gauge network",
];
const AMOUNTS = [
  "12 million euros",
  "4.5 million euros",
  "38 million euros",
  "900,000 euros",
  "a further 7 million euros",
];
const TIMEFRAMES = [
  "by the end of March",
  "within six weeks",
  "before the winter",
  "this financial year",
  "next month",
];
const BODIES = ["The audit office", "The water authority", "Our engineers", "The county council", "The insurers"];
const FINDINGS = [
  "the embankment failed in two places",
  "the warning reached residents forty minutes late",
  "most of the damage was to ground floors",
  "the pumps ran at full capacity for three days",
  "the budget for maintenance had been cut twice",
];
const TOPICS = [
  "the cost of the barrier",
  "the timing of the evacuation",
  "compensation for farmers",
  "the maintenance budget",
  "the independent review",
  "the insurance claims",
];
const ANSWER_SENTENCES: ((pick: <T>(items: readonly T[]) => T, number: () => number) => string)[] = [
  (pick) => `We have committed ${pick(AMOUNTS)} to ${pick(PROJECTS)}, and that money will be paid ${pick(TIMEFRAMES)}.`,
  (pick) => `${pick(BODIES)} told us this morning that ${pick(FINDINGS)}.`,
  (pick, number) => `There are still ${number()} households in ${pick(PLACES)} without heating or running water.`,
  (pick) => `I will not speculate about ${pick(TOPICS)} until the inquiry has reported.`,
  (pick) => `Let me be clear: nobody in ${pick(PLACES)} will be asked to repay an emergency grant.`,
  (pick, number) => `Work on ${pick(PROJECTS)} began on ${(number() % 28) + 1} February and is on schedule.`,
  (pick) => `The figures I gave last week still stand, and we will publish the full breakdown ${pick(TIMEFRAMES)}.`,
  (pick) => `Our priority remains ${pick(PROJECTS)}, because that is what people in ${pick(PLACES)} have asked for.`,
  (pick, number) => `About ${(number() % 60) + 20} percent of the claims have been settled so far.`,
  (pick) => `I spoke to the mayor of ${pick(PLACES)} yesterday, and we agreed to meet residents together.`,
  (pick) => `${pick(BODIES)} will publish their own account of ${pick(TOPICS)} ${pick(TIMEFRAMES)}.`,
];
const QUESTION_SENTENCES: ((pick: <T>(items: readonly T[]) => T, number: () => number) => string)[] = [
  (pick) => `Minister, can you tell us what ${pick(TOPICS)} will be in the end?`,
  (pick) => `Can you confirm that ${pick(FINDINGS)}?`,
  (pick) =>
    `Residents in ${pick(PLACES)} say nobody has visited them since the water went down. What do you say to them?`,
  (pick) => `Will ${pick(PROJECTS)} be finished ${pick(TIMEFRAMES)}, as you promised?`,
  (pick, number) => `Your own report mentions ${number()} damaged homes. Why is the figure you gave today lower?`,
];
const MODERATOR_LINES: ((pick: <T>(items: readonly T[]) => T) => string)[] = [
  (pick) => `Next question, from ${pick(JOURNALISTS).replace(/ \(.*\)$/, "")}.`,
  () => `We have time for a few more questions. Please keep to one each.`,
  () => `Thank you. Let us take the next one from the back of the room.`,
];

/** An answer's target length, as a share of the paragraph length (questions and the moderator are shorter). */
const ANSWER_SHARE = 0.85;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface GeneratedTranscript {
  text: string;
  words: number;
  paragraphs: number;
}

/**
 * A press conference of `words` words in labelled paragraphs of about `paragraphWords` words (`NAME: text`, blank
 * lines between), with a title line and a dateline. The same seed gives the same text.
 */
export function pressConference(words: number, paragraphWords: number, seed: number): GeneratedTranscript {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const number = () => 40 + Math.floor(random() * 900);
  const paragraphs: string[] = [];
  let total = 0;
  let previousSpeaker = "";
  const turn = (speaker: string, sentences: string[]) => {
    // The last paragraph stops at the word count exactly.
    let body = sentences.join(" ");
    const left = words - total;
    if (wordCount(body) > left)
      body = body
        .split(" ")
        .slice(0, left)
        .join(" ")
        .replace(/[.,:;?!]?$/, ".");
    paragraphs.push(`${speaker}: ${body}`);
    total += wordCount(body);
    previousSpeaker = speaker;
  };
  // Sentences until the paragraph reaches `target` words, no template twice in one paragraph.
  const fill = (kinds: typeof ANSWER_SENTENCES, target: number, opening: string[] = []) => {
    const sentences = [...opening];
    const unused = [...kinds];
    while (unused.length > 0 && wordCount(sentences.join(" ")) < target) {
      const [kind] = unused.splice(Math.floor(random() * unused.length), 1);
      if (kind) sentences.push(kind(pick, number));
    }
    return sentences;
  };

  turn("MODERATOR", ["Good morning, and thank you for coming. The minister will make a short statement first."]);
  while (total < words) {
    const roll = random();
    if (roll < 0.1 && previousSpeaker !== "MODERATOR") {
      turn("MODERATOR", [pick(MODERATOR_LINES)(pick)]);
    } else if (roll < 0.35 && !JOURNALISTS.includes(previousSpeaker)) {
      turn(pick(JOURNALISTS), fill(QUESTION_SENTENCES, Math.round(paragraphWords * 0.5)));
    } else {
      // An answer: the official speaks for one or more paragraphs.
      const official = OFFICIALS.includes(previousSpeaker) && random() < 0.7 ? previousSpeaker : pick(OFFICIALS);
      const target = Math.round(paragraphWords * (ANSWER_SHARE + random() * 0.4));
      const opening =
        JOURNALISTS.includes(previousSpeaker) && random() < 0.3
          ? ["That is a fair question, and I understand why people are angry."]
          : [];
      turn(official, fill(ANSWER_SENTENCES, target, opening));
    }
  }
  const header = ["Press conference on the flood recovery", "Lindvik, 14 February 2024"];
  return { text: [...header, ...paragraphs].join("\n\n") + "\n", words: total, paragraphs: paragraphs.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding through the API

const KINDS: { kind: AnnotationKindName; share: number; bodies: string[] }[] = [
  {
    kind: "note",
    share: 0.35,
    bodies: ["Check this figure against the ministry's press release.", "Ask the council for the original report."],
  },
  {
    kind: "context",
    share: 0.25,
    bodies: [
      "The barrier was first proposed in **2016** and shelved twice.",
      "The county's maintenance budget fell by 18% between 2019 and 2023.",
    ],
  },
  { kind: "factcheck", share: 0.2, bodies: ["The water authority's own figures give a higher number."] },
  { kind: "quote", share: 0.2, bodies: ["", "Use in the lead."] },
];

class Api {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Sends JSON; answers the status, the parsed body, the Server-Timing header and the client's round trip. */
  async call<T>(method: string, route: string, body?: unknown) {
    const started = performance.now();
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const roundTrip = performance.now() - started;
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 300)}`);
    return { json: JSON.parse(text) as T, serverTiming: response.headers.get("server-timing"), roundTrip };
  }
}

interface Seeded {
  label: string;
  id: string;
  words: number;
  segments: EditorSegment[];
  annotations: number;
}

async function seedTranscript(api: Api, label: string, spec: typeof LARGE, filename: string): Promise<Seeded> {
  const generated = pressConference(spec.words, spec.paragraphWords, spec.seed);
  const created = await api.call<{ id: string }>("POST", "/api/transcripts", { filename, text: generated.text });
  const { id } = created.json;
  const page = await api.call<{ segments: EditorSegment[]; segmentCount: number }>(
    "GET",
    `/api/transcripts/${id}?take=5000`,
  );
  const segments = page.json.segments;
  if (segments.length < spec.annotations) {
    throw new Error(`${label}: only ${segments.length} paragraphs stored; expected about ${generated.paragraphs}.`);
  }

  // Annotations spread over the whole transcript, on real word ranges of one to six words.
  const random = seededRandom(spec.seed + 1);
  for (let index = 0; index < spec.annotations; index++) {
    const slot = segments.length / spec.annotations;
    const segment = segments[Math.min(segments.length - 1, Math.floor(index * slot + random() * slot))];
    if (!segment) continue;
    const words = [...segment.text.matchAll(/\S+/g)];
    const first = Math.floor(random() * Math.max(1, words.length - 6));
    const last = Math.min(words.length - 1, first + Math.floor(random() * 6));
    const startWord = words[first];
    const endWord = words[last];
    if (!startWord || !endWord) continue;
    const start = startWord.index;
    // Not the punctuation after the last word.
    const end = endWord.index + endWord[0].replace(/[.,;:?!]+$/, "").length;
    let roll = random();
    const kind = KINDS.find((candidate) => (roll -= candidate.share) < 0) ?? KINDS[0]!;
    await api.call("POST", `/api/transcripts/${id}/annotations`, {
      segmentId: segment.id,
      start,
      end,
      kind: kind.kind,
      body: kind.bodies[index % kind.bodies.length],
      ...(kind.kind === "factcheck" ? { verdict: "misleading" } : {}),
    });
  }
  return { label, id, words: generated.words, segments, annotations: spec.annotations };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring in the browser

interface Figures {
  openMedian: number;
  openMax: number;
  keystrokeP50: number;
  keystrokeP95: number;
  keystrokeMax: number;
  longEvents: number;
  events: number;
  eventMax: number;
  saveServerP50: number;
  saveServerP95: number;
  saveRoundTripP50: number;
  saveRoundTripP95: number;
  typedInto: string;
  savedParagraph: number;
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The first paragraph's textarea: its accessible name is "Paragraph 1, SPEAKER" (not "Paragraph 10…"). */
const firstParagraph = (page: Page) => page.getByRole("textbox", { name: /^Paragraph 1\b/ });
const paragraphs = (page: Page) => page.getByRole("textbox", { name: /^Paragraph \d+\b/ });

/** Resolves once `locator` is visible and enabled; polls enabled right away, each check one round trip. */
async function waitUntilEditable(locator: Locator): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  await locator.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error("The first paragraph stayed disabled.");
    await sleep(5);
  }
}

async function signInThroughForm(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/signin`);
  await page.getByLabel("Email").fill(ADMIN.ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN.ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/desk/, { timeout: STEP_TIMEOUT_MS });
}

/** From the start of navigation until the first paragraph can be typed in: the first load, then reloads. */
async function measureOpen(page: Page, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const started = performance.now();
    if (run === 0) await page.goto(url, { waitUntil: "commit", timeout: STEP_TIMEOUT_MS });
    else await page.reload({ waitUntil: "commit", timeout: STEP_TIMEOUT_MS });
    await waitUntilEditable(firstParagraph(page));
    times.push(performance.now() - started);
  }
  return times;
}

interface BenchWindow {
  __benchEditor: { latencies: number[]; last: Promise<void>; events: { name: string; duration: number }[] };
}

/** Text a reporter might add to a paragraph: letters, spaces and punctuation only (no shortcuts, no Enter). */
const TYPED = (() => {
  const sentence = " The minister later corrected the figure, saying it referred to insured homes only.";
  let text = "";
  while (text.length < KEYSTROKES) text += sentence;
  return text.slice(0, KEYSTROKES);
})();

/**
 * Types 200 characters, one key at a time, at the end of the paragraph in the middle of what is rendered. Each key
 * is timed in the page from a capture-phase keydown on document (before React's own listeners) to a task queued
 * from the next animation frame, that is, after the frame that shows the character. The next key is sent once that
 * frame is done, so each figure is one keystroke's own cost, as at a typist's pace, not a queue behind the last.
 */
async function measureKeystrokes(page: Page, seeded: Seeded, api: Api) {
  const rendered = paragraphs(page);
  const count = await rendered.count();
  if (count === 0) throw new Error(`${seeded.label}: no paragraph textarea is rendered.`);
  const target = rendered.nth(Math.floor(count / 2));
  const name = (await target.getAttribute("aria-label")) ?? "a paragraph";
  await target.scrollIntoViewIfNeeded();
  await target.focus();
  await target.evaluate((element) => {
    const textarea = element as HTMLTextAreaElement;
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  });
  await sleep(300); // let focusing (the paragraph's toolbar) settle before timing

  await page.evaluate((threshold) => {
    const bench: BenchWindow["__benchEditor"] = { latencies: [], last: Promise.resolve(), events: [] };
    (window as unknown as BenchWindow).__benchEditor = bench;
    const typingStarted = performance.now();
    document.addEventListener(
      "keydown",
      () => {
        const started = performance.now();
        bench.last = new Promise((resolve) => {
          requestAnimationFrame(() =>
            setTimeout(() => {
              bench.latencies.push(performance.now() - started);
              resolve();
            }),
          );
        });
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.startTime < typingStarted) continue;
        if (entry.name === "keydown" || entry.name === "input") {
          bench.events.push({ name: entry.name, duration: entry.duration });
        }
      }
    }).observe({ type: "event", buffered: true, durationThreshold: threshold } as PerformanceObserverInit);
  }, 16);

  for (const character of TYPED) {
    await page.keyboard.press(character === " " ? "Space" : character);
    await page.evaluate(() => (window as unknown as BenchWindow).__benchEditor.last);
  }
  // Event Timing entries are delivered after their frame: give the observer a moment.
  await sleep(250);
  const result = await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__benchEditor;
    return { latencies: bench.latencies, events: bench.events };
  });
  if (result.latencies.length !== KEYSTROKES) {
    throw new Error(`${seeded.label}: ${result.latencies.length} of ${KEYSTROKES} keystrokes were timed.`);
  }

  // The autosave, so it does not leak into the next measurement; then check that the server has the typing.
  await page
    .getByTestId("editor-status")
    .filter({ hasText: /^\s*Saved/ })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  const position = Number(/^Paragraph (\d+)/.exec(name)?.[1]) - 1;
  const stored = await api.call<{ segments: EditorSegment[] }>(
    "GET",
    `/api/transcripts/${seeded.id}?from=${position}&take=1`,
  );
  if (!stored.json.segments[0]?.text.endsWith(TYPED)) {
    console.warn(`  ${seeded.label}: the typed text is not in ${name} on the server after "Saved".`);
  }
  return { typedInto: name, ...result };
}

/** 20 saves of one paragraph through the API, alternating two texts, each based on the version the last answered. */
async function measureSaves(api: Api, seeded: Seeded) {
  // A paragraph from the middle that carries annotations, so each save also re-anchors them.
  const annotated = await api.call<{ annotations: { segmentId: string }[] }>(
    "GET",
    `/api/transcripts/${seeded.id}/annotations`,
  );
  const withNotes = new Set(annotated.json.annotations.map((annotation) => annotation.segmentId));
  const middle = Math.floor(seeded.segments.length / 2);
  const candidates = seeded.segments.slice(middle).concat(seeded.segments.slice(0, middle));
  const segment = candidates.find((candidate) => withNotes.has(candidate.id)) ?? seeded.segments[middle];
  if (!segment) throw new Error(`${seeded.label}: no paragraph to save.`);
  const current = await api.call<{ segments: EditorSegment[] }>(
    "GET",
    `/api/transcripts/${seeded.id}?from=${segment.position}&take=1`,
  );
  const original = current.json.segments[0] ?? segment;
  const texts = [`${original.text} The ministry later said the figure was provisional.`, original.text];
  let baseVersion = original.version;
  const server: number[] = [];
  const roundTrips: number[] = [];
  // A few saves first, uncounted, so the first transcript measured does not pay for warming the save's code path.
  for (let save = -WARM_UP_SAVES; save < SAVES; save++) {
    const answer = await api.call<{ segment: EditorSegment }>(
      "PATCH",
      `/api/transcripts/${seeded.id}/segments/${original.id}`,
      { text: texts[(save + WARM_UP_SAVES) % 2], baseVersion },
    );
    baseVersion = answer.json.segment.version;
    if (save < 0) continue;
    roundTrips.push(answer.roundTrip);
    const duration = /(?:^|,)\s*save;dur=([\d.]+)/.exec(answer.serverTiming ?? "")?.[1];
    if (duration === undefined)
      throw new Error(`The save answered no Server-Timing save;dur (${answer.serverTiming}).`);
    server.push(Number(duration));
  }
  return { server, roundTrips, position: original.position + 1 };
}

async function measure(page: Page, api: Api, seeded: Seeded): Promise<Figures> {
  console.log(`${seeded.label}: opening ${OPEN_RUNS} times…`);
  const open = await measureOpen(page, `${api.url}/desk/transcripts/${seeded.id}`);
  console.log(`${seeded.label}: typing ${KEYSTROKES} characters…`);
  const typing = await measureKeystrokes(page, seeded, api);
  // Away from the editor, so it does not react to the API's saves.
  await page.goto("about:blank");
  console.log(`${seeded.label}: ${SAVES} saves of one paragraph…`);
  const saves = await measureSaves(api, seeded);
  const long = typing.events.filter((event) => event.duration > LONG_EVENT_MS);
  return {
    openMedian: percentile(open, 0.5),
    openMax: Math.max(...open),
    keystrokeP50: percentile(typing.latencies, 0.5),
    keystrokeP95: percentile(typing.latencies, 0.95),
    keystrokeMax: Math.max(...typing.latencies),
    longEvents: long.length,
    events: typing.events.length,
    eventMax: typing.events.reduce((max, event) => Math.max(max, event.duration), 0),
    saveServerP50: percentile(saves.server, 0.5),
    saveServerP95: percentile(saves.server, 0.95),
    saveRoundTripP50: percentile(saves.roundTrips, 0.5),
    saveRoundTripP95: percentile(saves.roundTrips, 0.95),
    typedInto: typing.typedInto,
    savedParagraph: saves.position,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function printReport(small: Seeded, large: Seeded, baseline: Figures, figures: Figures, chromiumVersion: string) {
  const ms = (value: number) =>
    Number.isFinite(value) ? `${value < 100 ? value.toFixed(1) : Math.round(value)} ms` : "—";
  const count = (value: number) => String(value);
  type Row = [label: string, pick: (f: Figures) => number, target: number | null, format: (value: number) => string];
  const rows: Row[] = [
    ["open, median of 5", (f) => f.openMedian, TARGETS.openMs, ms],
    ["open, max of 5", (f) => f.openMax, null, ms],
    ["keystroke to paint p50", (f) => f.keystrokeP50, null, ms],
    ["keystroke to paint p95", (f) => f.keystrokeP95, TARGETS.keystrokeP95Ms, ms],
    ["keystroke to paint max", (f) => f.keystrokeMax, null, ms],
    [`events over ${LONG_EVENT_MS} ms`, (f) => f.longEvents, null, count],
    ["longest event (Event Timing)", (f) => f.eventMax, null, ms],
    ["save, server p50", (f) => f.saveServerP50, null, ms],
    ["save, server p95", (f) => f.saveServerP95, TARGETS.saveServerP95Ms, ms],
    ["save, round trip p50", (f) => f.saveRoundTripP50, null, ms],
    ["save, round trip p95", (f) => f.saveRoundTripP95, null, ms],
  ];
  const table = [
    [
      "metric",
      `${small.words.toLocaleString("en-GB")} words (baseline)`,
      `${large.words.toLocaleString("en-GB")} words`,
      "ratio",
      "target",
      "PASS/FAIL",
    ],
  ];
  const verdicts: boolean[] = [];
  for (const [label, pick, target, format] of rows) {
    const left = pick(baseline);
    const right = pick(figures);
    // A ratio of two counts of rare events says nothing.
    const ratio = format !== count && left > 0 ? right / left : Number.NaN;
    let verdict = "";
    let targetText = "";
    if (target !== null) {
      const underTarget = right < target && left < target;
      const withinRatio = Number.isFinite(ratio) && ratio <= TARGETS.ratio;
      targetText = `< ${target} ms, ≤ ${TARGETS.ratio}×`;
      verdict =
        underTarget && withinRatio
          ? "PASS"
          : `FAIL (${[!underTarget ? "over target" : "", !withinRatio ? "ratio" : ""].filter(Boolean).join(", ")})`;
      verdicts.push(underTarget && withinRatio);
    }
    table.push([
      label,
      format(left),
      format(right),
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—",
      targetText,
      verdict,
    ]);
  }
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  console.log("");
  for (const [index, row] of table.entries()) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 || column >= 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join("  ")
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
  }
  console.log("");
  console.log(
    `Event Timing: ${baseline.events} and ${figures.events} keydown/input entries of 16 ms or more while typing ` +
      `(${baseline.longEvents} and ${figures.longEvents} over ${LONG_EVENT_MS} ms).`,
  );
  for (const [seeded, f] of [
    [small, baseline],
    [large, figures],
  ] as const) {
    console.log(
      `${seeded.label}: ${seeded.words.toLocaleString("en-GB")} words in ${seeded.segments.length} paragraphs, ` +
        `${seeded.annotations} annotations; typed into "${f.typedInto}", saved paragraph ${f.savedParagraph}.`,
    );
  }
  console.log(
    `Environment: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}), ` +
      `load ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")}, Node ${process.version}, Chromium ${chromiumVersion}.`,
  );
  console.log(
    `${verdicts.filter(Boolean).length} of ${verdicts.length} targets met ` +
      `(open < ${TARGETS.openMs / 1000} s, keystroke p95 < ${TARGETS.keystrokeP95Ms} ms, save p95 < ` +
      `${TARGETS.saveServerP95Ms} ms server time, each within ${TARGETS.ratio}× of the baseline).`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build found. Run `npm run build` first.");
    process.exit(1);
  }
  await buildIngestWorker({ onlyIfStale: true });
  console.log("Starting a production server on loopback with its own database and an admin…");
  const server: RunningServer = await startServer({ env: ADMIN });
  let browser: Browser | null = null;
  const deadline = setTimeout(() => {
    console.error(`The benchmark ran past its ${RUN_TIMEOUT_MS / 60_000}-minute bound; stopping.`);
    void Promise.allSettled([browser?.close(), server.kill()]).then(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  try {
    const api = new Api(
      server.url,
      createBenchToken({ databaseUrl: `file:${server.databasePath}`, email: ADMIN.ADMIN_EMAIL, name: "bench:editor" }),
    );
    console.log("Seeding the transcripts and their annotations through the API…");
    const small = await seedTranscript(api, "1,000 words", BASELINE, "briefing-short.txt");
    const large = await seedTranscript(api, "30,000 words", LARGE, "briefing-long.txt");

    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, server.url);
    // One visit first, uncounted, so the baseline does not pay for the server's first render of the editor.
    await page.goto(`${server.url}/desk/transcripts/${small.id}`);
    await waitUntilEditable(firstParagraph(page));

    const baseline = await measure(page, api, small);
    const figures = await measure(page, api, large);
    printReport(small, large, baseline, figures, browser.version());
  } finally {
    clearTimeout(deadline);
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`bench:editor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
