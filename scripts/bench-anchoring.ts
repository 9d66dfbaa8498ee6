// `npm run bench:anchoring`: how long re-anchoring one paragraph's annotations takes at save time, in-process (no
// server, no database). A 2,000-character paragraph of newsroom prose with 20 annotations, edited five ways: a typo
// outside the annotations (the common save), a typo inside one, a deleted sentence, two sentences swapped, and the
// whole paragraph rewritten word order and all (the worst case: every reading of the edit is tried). The baseline
// is the same call on unchanged text. Prints the median and p95 of 200 runs of each, and the ratio to the
// baseline; PASS/FAIL against 20 ms p95 per paragraph (a save's whole budget is 50 ms p95). It measures; it always
// exits 0.
import { performance } from "node:perf_hooks";
import { quoteSelector, reanchorAll } from "@/lib/anchoring";
import { NEWSROOM_SENTENCES } from "@/lib/anchoring/test-support";

const RUNS = 200;
const WARM_UP = 20;
const TARGET_P95_MS = 20;

const sentences = NEWSROOM_SENTENCES.slice(0, 23);
const paragraph = sentences.join(" ");
/** Twenty annotations of two to five words, spread over the paragraph. */
const anchors = Array.from({ length: 20 }, (_, index) => {
  const sentence = sentences[index] as string;
  const words = sentence.split(" ");
  const phrase = words.slice(2, 2 + 2 + (index % 4)).join(" ");
  const start = paragraph.indexOf(phrase, paragraph.indexOf(sentence));
  const range = { start, end: start + phrase.length };
  return { id: `a${index}`, ...range, quote: quoteSelector(paragraph, range) };
});

const swapped = [sentences[1], sentences[0], ...sentences.slice(2)].join(" ");
const EDITS: [string, string][] = [
  ["unchanged (baseline)", paragraph],
  ["typo outside the annotations", paragraph.replace("productive", "prodcutive")],
  ["typo inside an annotation", paragraph.replace("Brussels were", "Brusels were")],
  ["a sentence deleted", paragraph.replace(`${sentences[5]} `, "")],
  ["two sentences swapped", swapped],
  ["rewritten, words reversed", paragraph.split(" ").reverse().join(" ")],
];

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;
}

function measure(newText: string): { p50: number; p95: number; anchored: number } {
  let anchored = 0;
  for (let run = 0; run < WARM_UP; run++) reanchorAll(paragraph, newText, anchors);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const results = reanchorAll(paragraph, newText, anchors);
    times.push(performance.now() - started);
    anchored = results.filter((result) => result.status === "anchored").length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), anchored };
}

const rows = EDITS.map(([name, text]) => ({ name, ...measure(text) }));
const baseline = rows[0] as (typeof rows)[number];
const pad = (text: string, width: number) => text.padEnd(width);
const ms = (value: number) => `${value.toFixed(3)} ms`;
console.log(
  `Re-anchoring ${anchors.length} annotations in one paragraph of ${paragraph.length.toLocaleString("en")} characters, ${RUNS} runs each\n`,
);
console.log(`${pad("edit", 30)}  ${pad("p50", 10)}  ${pad("p95", 10)}  ${pad("× baseline p95", 15)}  anchored  target`);
for (const row of rows) {
  const verdict = row === baseline ? "" : row.p95 < TARGET_P95_MS ? "PASS" : "FAIL";
  console.log(
    `${pad(row.name, 30)}  ${pad(ms(row.p50), 10)}  ${pad(ms(row.p95), 10)}  ${pad(
      `${(row.p95 / Math.max(baseline.p95, 0.001)).toFixed(0)}×`,
      15,
    )}  ${pad(`${row.anchored}/${anchors.length}`, 8)}  ${verdict}`,
  );
}
console.log(`\nTarget: p95 under ${TARGET_P95_MS} ms per paragraph. Node ${process.version}.`);
