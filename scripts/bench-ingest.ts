// `npm run bench:ingest`: times the ingestion pipeline on a generated three-hour press conference (~30,000 words), as
// plain text, as SubRip subtitles, and as an Otter.ai export and a hearing transcript (timestamped speaker labels). Prints the median time per file and per stage, throughput, peak memory, and a
// baseline (decoding and splitting the same bytes) measured in the same run, because the machine is shared and
// noisy. Checks the targets (< 1 s per file, < 300 MB peak RSS) and always exits 0: it measures, it does not test.
import { ingestFileWithTimings, INGEST_STAGES, type IngestStage, type StageTimings } from "@/lib/ingest";
import { seededRandom } from "./support/seeded-random";

const RUNS = 5;
const WARM_UP_RUNS = 1;
const TARGET_WORDS = 30_000;
const DURATION_SECONDS = 3 * 60 * 60;
const TARGET_MS = 1000;
const TARGET_RSS_MB = 300;

const random = seededRandom(20190214);
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const OFFICIAL = { label: "JENS STOLTENBERG", name: "Jens Stoltenberg" };
const JOURNALISTS = [
  "Anna Berg (Postimees)",
  "Lotte de Vries (NRC)",
  "Tomas Novak (Czech Radio)",
  "Amira Haddad (Al Jazeera)",
  "Ingrid Dahl (NRK)",
  "Paolo Ferri (ANSA)",
];
const PEOPLE = [
  "Federica Mogherini",
  "Stepan Poltorak",
  "Gavin Williamson",
  "Kaja Kallas",
  "Mark Rutte",
  "Ursula von der Leyen",
  "Antony Blinken",
  "Dmytro Kuleba",
  "Sauli Niinistö",
  "Mette Frederiksen",
];
const TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "Ambassador", "Secretary"];
const PLACES = [
  "Ukraine",
  "Kosovo",
  "Afghanistan",
  "Iraq",
  "Georgia",
  "Moldova",
  "the Black Sea",
  "the Baltic region",
  "Brussels",
  "Washington",
  "Vilnius",
  "Madrid",
  "Warsaw",
  "Bucharest",
  "the Western Balkans",
  "the Sahel",
];
const ORGANISATIONS = [
  "NATO",
  "the European Union",
  "the UN Security Council",
  "the OSCE",
  "the African Union",
  "the World Bank",
  "KFOR",
];
const TOPICS = [
  "military mobility",
  "air defence",
  "defence spending",
  "cyber security",
  "arms control",
  "the training mission",
  "the peace process",
  "energy security",
  "maritime security",
  "counter-terrorism",
  "the readiness initiative",
  "ammunition production",
];
const VERBS = ["strengthen", "review", "support", "fund", "expand", "coordinate", "assess", "deliver"];
const MONTHS = ["January", "March", "April", "June", "July", "September", "October", "December"];

const STATEMENTS: readonly (() => string)[] = [
  () => `We discussed the situation in ${pick(PLACES)} with ${pick(TITLES)} ${pick(PEOPLE)}.`,
  () => `${capitalise(pick(ORGANISATIONS))} has made clear that ${pick(TOPICS)} remains a priority.`,
  () =>
    `Allies agreed to ${pick(VERBS)} our work on ${pick(TOPICS)}, as we decided in ${pick(PLACES)} last ${pick(MONTHS)}.`,
  () => `I met ${pick(PEOPLE)} yesterday, and we agreed to ${pick(VERBS)} ${pick(TOPICS)} before ${pick(MONTHS)}.`,
  () => `This is important, and we will ${pick(VERBS)} it together with ${pick(ORGANISATIONS)}.`,
  () => `Our support to ${pick(PLACES)} is not charity; it is an investment in our own security.`,
  () => `We have seen progress, but there is more to do on ${pick(TOPICS)}, and we will not stop halfway.`,
  () => `Since ${pick(MONTHS)}, ${Math.floor(random() * 40) + 2} Allies have increased their contributions.`,
  () => `So my message is simple: we must ${pick(VERBS)} ${pick(TOPICS)}, and we must do it now.`,
  () => `${pick(PEOPLE)} briefed ministers on ${pick(TOPICS)} and on the situation in ${pick(PLACES)}.`,
];
const QUESTIONS: readonly (() => string)[] = [
  () => `Secretary General, what is your response to ${pick(PEOPLE)}, who said that ${pick(TOPICS)} is underfunded?`,
  () => `Can you tell us when the decision on ${pick(TOPICS)} in ${pick(PLACES)} will be taken?`,
  () => `Did ministers discuss ${pick(TOPICS)} with ${pick(ORGANISATIONS)}, and what was agreed?`,
  () => `How many troops will be sent to ${pick(PLACES)} this year?`,
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Turn {
  label: string;
  sentences: string[];
}

/** A press conference: an opening statement, then questions and answers, until the word budget is spent. */
function generateTurns(): Turn[] {
  const turns: Turn[] = [{ label: "MODERATOR", sentences: ["Good afternoon, the Secretary General will start."] }];
  let words = 0;
  let answering = true;
  while (words < TARGET_WORDS) {
    const sentences = answering
      ? Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(STATEMENTS)())
      : Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(QUESTIONS)());
    const label = answering ? OFFICIAL.label : random() < 0.3 ? "Q" : pick(JOURNALISTS);
    turns.push({ label, sentences });
    words += sentences.join(" ").split(/\s+/).length;
    answering = !answering;
  }
  return turns;
}

const FOOTER = [
  "▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬",
  "SUBSCRIBE to this channel [ Link ]",
  "Connect with NATO online:",
  "Follow NATO on Instagram: [ Link ]",
  "#NATO #DefMin",
  "More videos!",
];

function asPlainText(turns: readonly Turn[]): string {
  const title = "Press conference by NATO Secretary General Jens Stoltenberg, Brussels, 14 February 2019";
  const paragraphs = turns.map((turn) => {
    // Hard-wrap long answers at a sentence boundary, as transcripts typed in editors often are.
    const lines: string[] = [];
    for (let index = 0; index < turn.sentences.length; index += 3) {
      lines.push(turn.sentences.slice(index, index + 3).join(" "));
    }
    return `${turn.label}: ${lines.join("\n")}`;
  });
  return [title, "", ...paragraphs.flatMap((paragraph) => [paragraph, ""]), ...FOOTER].join("\n");
}

function timestamp(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)},${pad(ms % 1000, 3)}`;
}

/** Two-line captions of about eight words every ~3 s across three hours, speaker labels at each turn. */
function asSubRip(turns: readonly Turn[]): string {
  const words = turns.flatMap((turn) => {
    const spoken = turn.sentences.join(" ").split(/\s+/);
    spoken[0] = `${turn.label}: ${spoken[0] ?? ""}`;
    return spoken.map((word, index) => ({ word, turnStart: index === 0 }));
  });
  const cueCount = Math.floor(DURATION_SECONDS / 3);
  const wordsPerCue = Math.ceil(words.length / cueCount);
  const cues: string[] = [];
  for (let cue = 0; cue * wordsPerCue < words.length; cue++) {
    const chunk = words.slice(cue * wordsPerCue, (cue + 1) * wordsPerCue).map((entry) => entry.word);
    const half = Math.ceil(chunk.length / 2);
    let first = chunk.slice(0, half).join(" ");
    const second = chunk.slice(half).join(" ");
    if (cue % 17 === 0) first = `<i>${first}</i>`;
    const start = cue * 3000 + (cue % 40 === 0 ? 2500 : 0);
    const end = cue * 3000 + 2900;
    cues.push(`${cue + 1}\n${timestamp(start)} --> ${timestamp(end)}\n${first}\n${second}`);
  }
  return `${cues.join("\n\n")}\n`;
}

/** The name a transcription tool would show for a turn's label: "Anna Berg (Postimees)" → "Anna Berg". */
function toolName(label: string): string {
  if (label === "Q") return "Unknown Speaker";
  if (label === OFFICIAL.label) return OFFICIAL.name;
  if (label === "MODERATOR") return "Moderator";
  return label.replace(/\s*\(.*\)$/, "");
}

/** Each turn's start, spreading the three hours over the turns by their length in words. */
function turnStarts(turns: readonly Turn[]): number[] {
  const lengths = turns.map((turn) => turn.sentences.join(" ").split(/\s+/).length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let spoken = 0;
  return lengths.map((length) => {
    const start = Math.floor((spoken / total) * DURATION_SECONDS * 1000);
    spoken += length;
    return start;
  });
}

function clock(ms: number, padded: boolean): string {
  const seconds = Math.floor(ms / 1000);
  const [hours, minutes, rest] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (value: number) => String(value).padStart(2, "0");
  if (padded) return `${two(hours)}:${two(minutes)}:${two(rest)}`;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${minutes}:${two(rest)}`;
}

/** As Otter exports it: "Name  m:ss" alone on a line, the turn on the next, a footer at the end. */
function asOtter(turns: readonly Turn[]): string {
  const starts = turnStarts(turns);
  const blocks = turns.map(
    (turn, index) => `${toolName(turn.label)}  ${clock(starts[index] ?? 0, false)}\n${turn.sentences.join(" ")}`,
  );
  return `${blocks.join("\n\n")}\n\nTranscribed by https://otter.ai\n`;
}

/** As a hearing transcript: "[hh:mm:ss] Name:" alone on a line, the turn on indented lines of about 16 words. */
function asHearing(turns: readonly Turn[]): string {
  const starts = turnStarts(turns);
  const blocks = turns.map((turn, index) => {
    const words = turn.sentences.join(" ").split(" ");
    const lines: string[] = [];
    for (let word = 0; word < words.length; word += 16) lines.push(`    ${words.slice(word, word + 16).join(" ")}`);
    return `[${clock(starts[index] ?? 0, true)}] ${toolName(turn.label)}:\n${lines.join("\n")}`;
  });
  return `Hearing on the defence budget\nCommittee on Armed Services, 14 February 2019\n\n${blocks.join("\n\n")}\n`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

let peakSampledRss = 0;
function sampleRss(): void {
  peakSampledRss = Math.max(peakSampledRss, process.memoryUsage().rss);
}

/** What any reader of the file must do anyway: decode the bytes and split them into lines. */
function baseline(bytes: Uint8Array): number {
  return new TextDecoder().decode(bytes).split(/\r?\n/).length;
}

interface Measurement {
  filename: string;
  bytes: number;
  words: number;
  segments: number;
  /** The speaker convention recognised, to show the timestamped formats were read as such. */
  convention: string;
  totalMs: number;
  stages: StageTimings;
  baselineMs: number;
}

async function measure(filename: string, text: string): Promise<Measurement> {
  const bytes = new TextEncoder().encode(text);
  const totals: number[] = [];
  const perStage = Object.fromEntries(INGEST_STAGES.map((stage) => [stage, [] as number[]])) as Record<
    IngestStage,
    number[]
  >;
  let words = 0;
  let segments = 0;
  let convention = "none";
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const started = performance.now();
    const { result, timings } = await ingestFileWithTimings({ bytes, filename });
    const elapsed = performance.now() - started;
    sampleRss();
    if (run < WARM_UP_RUNS) continue;
    totals.push(elapsed);
    for (const stage of INGEST_STAGES) perStage[stage].push(timings[stage]);
    words = result.wordCount;
    segments = result.segments.length;
    convention = `${result.convention?.name ?? "none"}, ${result.speakers.length} speakers`;
  }
  const baselines: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const started = performance.now();
    baseline(bytes);
    if (run >= WARM_UP_RUNS) baselines.push(performance.now() - started);
  }
  const stages = Object.fromEntries(INGEST_STAGES.map((stage) => [stage, median(perStage[stage])])) as StageTimings;
  return {
    filename,
    bytes: bytes.byteLength,
    words,
    segments,
    convention,
    totalMs: median(totals),
    stages,
    baselineMs: median(baselines),
  };
}

function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((cell, index) => String(cell).padStart(widths[index] ?? 8)).join(" ");
}

async function main(): Promise<void> {
  const sampler = setInterval(sampleRss, 5);
  const turns = generateTurns();
  const files: [string, string][] = [
    ["press-conference-3h.txt", asPlainText(turns)],
    ["press-conference-3h.srt", asSubRip(turns)],
    ["press-conference-3h-otter.txt", asOtter(turns)],
    ["press-conference-3h-hearing.txt", asHearing(turns)],
  ];
  console.log(
    `Ingest benchmark: node ${process.version}, ${RUNS} runs after ${WARM_UP_RUNS} warm-up, medians in ms ` +
      "(the machine is shared: compare runs by the ratio to the baseline)",
  );
  const results: Measurement[] = [];
  for (const [filename, text] of files) results.push(await measure(filename, text));
  clearInterval(sampler);

  const widths = [31, 9, 7, 6, 8, ...INGEST_STAGES.map((stage) => Math.max(stage.length, 7)), 9, 6, 9, 8];
  console.log(
    row(["file", "bytes", "words", "paras", "total", ...INGEST_STAGES, "words/s", "MB/s", "baseline", "ratio"], widths),
  );
  for (const result of results) {
    const seconds = result.totalMs / 1000;
    console.log(
      row(
        [
          result.filename,
          result.bytes,
          result.words,
          result.segments,
          result.totalMs.toFixed(1),
          ...INGEST_STAGES.map((stage) => result.stages[stage].toFixed(1)),
          Math.round(result.words / seconds),
          (megabytes(result.bytes) / seconds).toFixed(2),
          result.baselineMs.toFixed(2),
          `${Math.round(result.totalMs / result.baselineMs)}x`,
        ],
        widths,
      ),
    );
  }
  for (const result of results) console.log(`${result.filename}: read as ${result.convention}`);
  const peakRssMb = megabytes(peakSampledRss);
  // maxRSS is in kilobytes and, unlike sampling, sees peaks inside synchronous stages.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS: ${peakRssMb.toFixed(1)} MB sampled, ${maxRssMb.toFixed(1)} MB maxRSS`);

  for (const result of results) {
    const measured = result.totalMs;
    console.log(
      `${measured < TARGET_MS ? "PASS" : "FAIL"}  ${result.filename}: ${measured.toFixed(0)} ms for the whole ` +
        `pipeline (target < ${TARGET_MS} ms)`,
    );
  }
  console.log(
    `${maxRssMb < TARGET_RSS_MB ? "PASS" : "FAIL"}  peak RSS ${maxRssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB)`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench-ingest failed: ${error instanceof Error ? error.message : String(error)}`);
});
