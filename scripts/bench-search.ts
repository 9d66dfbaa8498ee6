// `npm run bench:search`: is public search fast on a large archive, snippets included? Generates 2,000 published
// transcripts of about 5,000 words each in a temporary database (a synthetic vocabulary with a Zipf distribution,
// so a few words are very common), builds the public index with the code that publishing uses, and runs 200
// two-word queries whose words are drawn with the corpus's own frequencies (common words, as readers type them)
// through searchPublished(), the function the /search page and the public API call. Prints the index build time,
// the database size and query p50 / p95, next to two baselines measured on the same data in the same run: the
// naive single FTS5 query (snippet() + bm25 + LIMIT 20) and ranking alone. Target: p95 < 50 ms.
// Then the same archive on PostgreSQL: copied with `npm run db:copy`'s code into a throwaway PostgreSQL server (the
// copy's time is printed too), and the same queries run there by a child process on that database, next to the same
// two baselines in PostgreSQL's terms (ts_headline + ts_rank + LIMIT 20; ranking alone). Skipped, with a sentence,
// where PostgreSQL is not installed.
// Sizes can be changed with BENCH_TRANSCRIPTS, BENCH_WORDS and BENCH_QUERIES. It measures; it exits 0 unless the
// setup fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { seededRandom } from "./support/seeded-random";
import { copySqliteToPostgres } from "@/lib/db/postgresql/copy-from-sqlite";
import { findPostgresBinaries, startLocalPostgres } from "@/lib/db/postgresql/local-server";

const count = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const TRANSCRIPTS = count("BENCH_TRANSCRIPTS", 2_000);
const WORDS = count("BENCH_WORDS", 5_000);
const QUERIES = count("BENCH_QUERIES", 200);
const WARMUP_QUERIES = 10;
const VOCABULARY = 30_000;
const ZIPF_EXPONENT = 1.05;
const TARGET_P95_MS = 50;
const SEED = 20261127;

const random = seededRandom(SEED);
const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "pa", "zu", "gri", "an", "bel", "cor", "ost"];

/** Distinct made-up words, short for the most common ones as in real language. */
function makeVocabulary(size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 1 + Math.min(4, Math.floor(Math.log10(words.size + 10)) + Math.floor(random() * 2));
    let word = "";
    for (let i = 0; i < length; i++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  return [...words];
}

/** Cumulative Zipf weights: word i has weight 1 / (i + 1)^s. */
function zipfSampler(size: number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / Math.pow(i + 1, ZIPF_EXPONENT);
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
}

function prismaDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/** Times each query (after the warm-up ones) through `run`. */
async function timeQueries(queries: string[], run: (query: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const [index, query] of queries.entries()) {
    const start = performance.now();
    await run(query);
    if (index >= WARMUP_QUERIES) times.push(performance.now() - start);
  }
  return times;
}

/** The child process's part: the same queries on the PostgreSQL copy (DATABASE_URL), printed in the same form. */
async function postgresPhase(queriesFile: string): Promise<void> {
  const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8")) as string[];
  const { parseQuery } = await import("@/lib/search/query");
  const { searchPublished } = await import("@/lib/search");
  const { tsqueryText, headlineSql } = await import("@/lib/search/postgresql/tsquery");
  const { db } = await import("@/lib/db");
  let matched = 0;
  const searchTimes = await timeQueries(queries, async (query) => {
    const page = await searchPublished({ query: parseQuery(query), page: 1 });
    if (page.hits.length > 0) matched++;
  });
  const match = `p."searchVector" @@ verbatim_search_query($1)`;
  const rank = `ts_rank(p."searchVector", verbatim_search_query($1))`;
  const rankingTimes = await timeQueries(queries, (query) =>
    db.$queryRawUnsafe(
      `SELECT p."id" FROM "PublicParagraph" p WHERE ${match} ORDER BY ${rank} DESC LIMIT 20`,
      tsqueryText(parseQuery(query)),
    ),
  );
  const naiveTimes = await timeQueries(queries, (query) =>
    db.$queryRawUnsafe(
      `SELECT p."id", ${headlineSql(`p."text"`, "verbatim_search_query($1)")} AS snippet, ${rank} AS score
         FROM "PublicParagraph" p WHERE ${match} ORDER BY score DESC LIMIT 20`,
      tsqueryText(parseQuery(query)),
    ),
  );
  const size = await db.$queryRawUnsafe<{ bytes: bigint }[]>(`SELECT pg_database_size(current_database()) AS bytes`);
  await db.$disconnect();
  const p95 = percentile(
    [...searchTimes].sort((a, b) => a - b),
    95,
  );
  console.log(`  database size                 ${(Number(size[0]?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`);
  console.log(
    `  ${queries.length - WARMUP_QUERIES} two-word queries (${matched} with results), after ${WARMUP_QUERIES} warm-up:`,
  );
  console.log(`    searchPublished (page 1, 20 hits, snippets, count)  ${summary(searchTimes)}`);
  console.log(`    baseline: naive ts_headline+ts_rank+LIMIT 20        ${summary(naiveTimes)}`);
  console.log(`    baseline: ranking alone (ts_rank LIMIT 20)          ${summary(rankingTimes)}`);
  console.log(`  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "PASS" : "FAIL"} (${p95.toFixed(1)} ms)`);
}

/** Copies the SQLite archive into a throwaway PostgreSQL server and runs the queries there in a child process. */
async function runOnPostgres(file: string, queries: string[], directory: string): Promise<void> {
  console.log("");
  try {
    findPostgresBinaries();
  } catch (error) {
    console.log(`bench:search on PostgreSQL — skipped: ${(error as Error).message}`);
    return;
  }
  const server = await startLocalPostgres({ throwaway: true });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const url = server.url.replace(/\/postgres$/, "/bench");
    const copyStart = performance.now();
    const copied = await copySqliteToPostgres({ sourceFile: file, targetUrl: url });
    const copyMs = performance.now() - copyStart;
    console.log(`bench:search on PostgreSQL — the same archive, same queries`);
    console.log(
      `  copied with db:copy (checked)  ${(copyMs / 1000).toFixed(1)} s for ${copied.rows.toLocaleString("en")} rows (tsvector columns and GIN indexes built as the rows went in)`,
    );
    const queriesFile = path.join(directory, "queries.json");
    fs.writeFileSync(queriesFile, JSON.stringify(queries));
    const child = spawnSync(process.execPath, ["--import", "tsx", __filename], {
      env: { ...process.env, DATABASE_URL: url, BENCH_SEARCH_POSTGRES: queriesFile },
      stdio: "inherit",
    });
    if (child.status !== 0) throw new Error(`the PostgreSQL phase failed (exit ${child.status})`);
  } finally {
    server.stop();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_SEARCH_POSTGRES) return postgresPhase(process.env.BENCH_SEARCH_POSTGRES);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-search-"));
  const file = path.join(directory, "bench.db");
  process.env.DATABASE_URL = `file:${file}`;
  try {
    // Migrated as `npm start` does it, so the archive is a real install that `npm run db:copy` accepts.
    const migrated = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    if (migrated.status !== 0) throw new Error(`prisma migrate deploy failed: ${migrated.stderr}`);
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");

    const vocabulary = makeVocabulary(VOCABULARY);
    const sample = zipfSampler(VOCABULARY);
    const frequency = new Float64Array(VOCABULARY);
    const sentence = (words: number) => {
      const out: string[] = [];
      for (let i = 0; i < words; i++) {
        const index = sample();
        frequency[index] = (frequency[index] ?? 0) + 1;
        out.push(vocabulary[index] ?? "");
      }
      const text = out.join(" ");
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    };

    // ── Seed published transcripts directly (the workflow is not what is measured) ──
    const seedStart = performance.now();
    const now = new Date("2026-11-01T12:00:00Z");
    sqlite
      .prepare(`INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES (?, ?, ?, 'EDITOR', ?)`)
      .run("bench-editor", "bench.search@newsroom.test", "Search Benchmark", prismaDate(now));
    const insertTranscript = sqlite.prepare(
      `INSERT INTO "Transcript" ("id", "slug", "title", "occurredAt", "status", "wordCount", "createdById", "createdAt",
         "updatedAt", "publicSlug", "firstPublishedAt") VALUES (?, ?, ?, ?, 'PUBLISHED', ?, 'bench-editor', ?, ?, ?, ?)`,
    );
    const insertPublication = sqlite.prepare(
      `INSERT INTO "Publication" ("id", "transcriptId", "number", "kind", "content", "revision", "createdAt", "publishedAt")
       VALUES (?, ?, 1, 'publish', ?, 1, ?, ?)`,
    );
    let totalWords = 0;
    sqlite.transaction(() => {
      for (let t = 0; t < TRANSCRIPTS; t++) {
        const id = `bench-${t}`;
        const slug = `bench-transcript-${t}`;
        const speakers = [0, 1, 2].map((s) => ({
          id: `${id}-s${s}`,
          name: `Speaker Name ${(t * 3 + s) % 400}`,
          title: null,
          role: null,
          outlet: s === 2 ? `Outlet ${t % 25}` : null,
        }));
        const segments = [];
        let words = 0;
        for (let p = 0; words < WORDS; p++) {
          const length = 40 + Math.floor(random() * 120);
          const text = Array.from({ length: Math.ceil(length / 15) }, () => sentence(15)).join(" ");
          words += length;
          segments.push({
            id: `${id}-p${p}`,
            speakerId: speakers[p % 3]?.id ?? null,
            text,
            startMs: null,
            endMs: null,
          });
        }
        totalWords += words;
        const occurredAt = new Date(now.getTime() - t * 3_600_000 * 7);
        const snapshot = {
          schema: 1,
          slug,
          title: `Press conference ${t}: ${sentence(6)}`,
          summary: null,
          occurredAt: occurredAt.toISOString(),
          place: null,
          language: "en",
          sourceUrl: null,
          mediaUrl: null,
          fidelity: "CLEAN_READ",
          fidelityCheckedBy: null,
          tags: [],
          wordCount: words,
          durationMs: null,
          sourceFiles: [],
          speakers,
          segments,
          annotations: [],
          entities: [],
        };
        const at = prismaDate(occurredAt);
        insertTranscript.run(id, slug, snapshot.title, at, words, at, at, slug, at);
        insertPublication.run(`${id}-pub`, id, JSON.stringify(snapshot), at, at);
      }
    })();
    sqlite.close();
    const seedMs = performance.now() - seedStart;

    // ── Build the index with the publishing code ──
    const { rebuildPublicIndex } = await import("@/lib/publishing/public-index");
    const buildStart = performance.now();
    await rebuildPublicIndex();
    const buildMs = performance.now() - buildStart;
    const { db } = await import("@/lib/db");
    await db.$executeRawUnsafe(`PRAGMA wal_checkpoint(TRUNCATE)`);
    const paragraphs = await db.publicParagraph.count();

    // ── Queries: two words each, drawn with the corpus's frequencies ──
    let corpusTotal = 0;
    for (const value of frequency) corpusTotal += value;
    const drawByFrequency = () => {
      let target = random() * corpusTotal;
      for (let i = 0; i < VOCABULARY; i++) {
        target -= frequency[i] ?? 0;
        if (target <= 0) return vocabulary[i] ?? "";
      }
      return vocabulary[0] ?? "";
    };
    const queries = Array.from({ length: QUERIES + WARMUP_QUERIES }, () => {
      const first = drawByFrequency();
      let second = drawByFrequency();
      while (second === first) second = drawByFrequency();
      return `${first} ${second}`;
    });

    const { parseQuery } = await import("@/lib/search/query");
    const { searchPublished } = await import("@/lib/search");
    const { matchExpression } = await import("@/lib/search/sqlite/fts5");
    const time = (run: (query: string) => Promise<unknown>) => timeQueries(queries, run);
    let matched = 0;
    const searchTimes = await time(async (query) => {
      const page = await searchPublished({ query: parseQuery(query), page: 1 });
      if (page.hits.length > 0) matched++;
    });
    const rankingTimes = await time((query) =>
      db.$queryRawUnsafe(
        `SELECT rowid FROM "PublicParagraphFts" WHERE "PublicParagraphFts" MATCH ? ORDER BY rank LIMIT 20`,
        matchExpression(parseQuery(query)),
      ),
    );
    const naiveTimes = await time((query) =>
      db.$queryRawUnsafe(
        `SELECT rowid, snippet("PublicParagraphFts", 0, '<mark>', '</mark>', '…', 32) AS snippet,
                bm25("PublicParagraphFts") AS score
           FROM "PublicParagraphFts" WHERE "PublicParagraphFts" MATCH ? ORDER BY score LIMIT 20`,
        matchExpression(parseQuery(query)),
      ),
    );
    await db.$disconnect();

    const size = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    const p95 = percentile(
      [...searchTimes].sort((a, b) => a - b),
      95,
    );
    console.log(
      `bench:search on SQLite — ${TRANSCRIPTS} published transcripts, ${totalWords.toLocaleString("en")} words, ${paragraphs.toLocaleString("en")} paragraphs`,
    );
    console.log(`  seeding the publications      ${(seedMs / 1000).toFixed(1)} s (not part of the index)`);
    console.log(`  index build (rebuildPublicIndex) ${(buildMs / 1000).toFixed(1)} s`);
    console.log(`  database size                 ${(size / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  ${QUERIES} two-word queries (${matched} with results), after ${WARMUP_QUERIES} warm-up:`);
    console.log(`    searchPublished (page 1, 20 hits, snippets, count)  ${summary(searchTimes)}`);
    console.log(`    baseline: naive FTS5 snippet()+bm25+LIMIT 20        ${summary(naiveTimes)}`);
    console.log(`    baseline: ranking alone (bm25 LIMIT 20)             ${summary(rankingTimes)}`);
    console.log(`  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "PASS" : "FAIL"} (${p95.toFixed(1)} ms)`);
    await runOnPostgres(file, queries, directory);
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(directory, { recursive: true, force: true });
    else console.log(file);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
