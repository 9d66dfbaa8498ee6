// Exports, end to end: a timed transcript uploaded as WebVTT, a speaker renamed, annotated, published and corrected;
// every public format downloads with its name and type and says what the page says, and the subtitles read back
// through the real upload pipeline to the same paragraphs. A draft's export is a 404 for readers but works for its
// staff, with internal notes marked when asked for, and in the annotations CSV.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { transcriptExportSchema } from "@/lib/export/json-schema";
import { expect, signIn, test } from "./fixtures";
import {
  annotate,
  briefingText,
  completeDetails,
  correct,
  json,
  publishOverWarnings,
  readDraft,
  renameSpeaker,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
  type Api,
} from "./support/publishing";

const ZOOM = path.join(__dirname, "..", "lib", "ingest", "fixtures", "subtitles", "zoom-meeting.vtt");

const CONTENT_TYPES: Record<string, RegExp> = {
  txt: /^text\/plain; charset=utf-8$/,
  md: /^text\/markdown; charset=utf-8$/,
  srt: /^application\/x-subrip; charset=utf-8$/,
  vtt: /^text\/vtt; charset=utf-8$/,
  docx: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
  json: /^application\/json; charset=utf-8$/,
};

interface DryRunSegment {
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
}

async function uploadZoomMeeting(api: Api, title: string) {
  const created = await api.post("/api/transcripts", {
    filename: "zoom-meeting.vtt",
    text: fs.readFileSync(ZOOM, "utf8"),
    title,
  });
  expect(created.status(), await created.text()).toBe(201);
  return readDraft(api, (await json<{ id: string }>(created)).id);
}

/** Reads a file through the real upload pipeline without saving it. */
async function dryRun(api: Api, filename: string, text: string) {
  const response = await api.post("/api/transcripts", { filename, text, dryRun: true });
  expect(response.status(), await response.text()).toBe(200);
  return (await json<{ preview: { segments: DryRunSegment[]; speakers: { name: string }[] } }>(response)).preview;
}

test("a published timed transcript downloads in every format, with renamed speakers and corrections", async ({
  request,
  page,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Export Reporter");
  const editor = await staffMember(request, "EDITOR", "Export Editor");
  const title = `County flood briefing ${uniqueTag()}`;
  const draft = await uploadZoomMeeting(reporter.api, title);
  const priya = draft.speakers.find((speaker) => speaker.name === "Priya Raman")!;
  await renameSpeaker(reporter.api, draft.id, priya.id, "Priya Raman-Singh");
  const opening = draft.segments[0]!;
  await annotate(reporter.api, draft.id, opening, "flood briefing", {
    kind: "context",
    body: "The county's **third** this year.",
  });
  await annotate(reporter.api, draft.id, draft.segments[1]!, "upstream gauges", {
    kind: "note",
    body: "Secret desk note.",
  });
  await completeDetails(reporter.api, draft.id, { place: "Riverton" });
  await publishOverWarnings(editor.api, draft.id);
  const questions = draft.segments[2]!;
  const corrected = "Okay, let us go to questions. Tom, you are first.";
  await correct(editor.api, draft.id, {
    segmentId: questions.id,
    text: corrected,
    reason: "Contractions spelled out.",
  });
  const base = `/t/${draft.slug}/export`;

  const files: Record<string, string> = {};
  for (const [format, contentType] of Object.entries(CONTENT_TYPES)) {
    const response = await request.get(`${base}/${format}`);
    expect(response.status(), format).toBe(200);
    expect(response.headers()["content-type"], format).toMatch(contentType);
    expect(response.headers()["content-disposition"], format).toBe(
      `attachment; filename="${draft.slug}.${format}"; filename*=UTF-8''${draft.slug}.${format}`,
    );
    expect(response.headers()["cache-control"], format).toContain("public");
    files[format] =
      format === "docx" ? (await response.body()).subarray(0, 2).toString("latin1") : await response.text();
  }
  for (const format of ["txt", "md", "srt", "vtt", "json"]) {
    expect(files[format], format).toContain("Priya Raman-Singh");
    // Subtitles break a sentence over cue lines: read them as running text.
    expect(files[format]!.replace(/\n(?!\n)/g, " "), format).toContain("let us go to questions");
    expect(files[format], format).not.toContain("Secret desk note");
    expect(files[format], format).not.toContain("[Internal note]");
  }
  expect(files.txt).toContain(`${title}\n`);
  expect(files.txt).toContain("Contractions spelled out.");
  expect(files.md).toContain("**Priya Raman-Singh:**");
  expect(files.md).toContain("[^1]: **Context** on “flood briefing”.");
  expect(files.vtt!.startsWith(`WEBVTT - ${title}\n`)).toBe(true);
  // The first cue of a 33-second turn: a few seconds, not the whole turn.
  expect(files.srt).toContain("1\n00:00:02,340 --> 00:00:03,765\nDana Whitfield: Good morning, everyone,");
  expect(files.docx).toBe("PK");
  const document = transcriptExportSchema.parse(JSON.parse(files.json!));
  expect(document.corrections).toEqual([expect.objectContaining({ segment: 3, after: corrected })]);
  expect(document.annotations).toEqual([
    expect.objectContaining({ kind: "context", internal: false, segment: 1, exact: "flood briefing" }),
  ]);

  // The subtitles read back through the real upload pipeline to the published paragraphs, speakers and times.
  const published = document.segments.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }));
  for (const format of ["srt", "vtt"]) {
    const again = await dryRun(reporter.api, `export.${format}`, files[format]!);
    expect(again.segments, format).toEqual(published);
  }

  // The reading page offers each format as a link, and a click downloads the file by its name.
  await page.goto(`/t/${draft.slug}`);
  const menu = page.getByTestId("download-menu");
  await menu.getByText("Download").click();
  const links = menu.getByRole("link");
  await expect(links).toHaveText([
    "Plain text (.txt)",
    "Markdown (.md)",
    "Subtitles, SubRip (.srt)",
    "Subtitles, WebVTT (.vtt)",
    "Word (.docx)",
    "JSON (.json)",
  ]);
  const [download] = await Promise.all([page.waitForEvent("download"), links.filter({ hasText: "WebVTT" }).click()]);
  expect(download.suggestedFilename()).toBe(`${draft.slug}.vtt`);

  // Unpublished, it is gone from every public export at once, while its staff still export it.
  const unpublished = await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "Legal asked." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  for (const format of Object.keys(CONTENT_TYPES)) {
    expect((await request.get(`${base}/${format}`)).status(), format).toBe(404);
  }
  expect((await editor.api.get(`/api/transcripts/${draft.id}/export/srt`)).status()).toBe(200);
});

test("the download menu fits a phone and passes axe, open", async ({ request, page }) => {
  const reporter = await staffMember(request, "REPORTER", "Export Reporter");
  const editor = await staffMember(request, "EDITOR", "Export Editor");
  const draft = await uploadDraft(reporter.api, {
    title: `Fisheries briefing ${uniqueTag()}`,
    text: briefingText(uniqueTag()),
  });
  await completeDetails(reporter.api, draft.id);
  await publishOverWarnings(editor.api, draft.id);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/t/${draft.slug}`);
    const menu = page.getByTestId("download-menu");
    await menu.locator("summary").focus();
    await page.keyboard.press("Enter");
    // Untimed: no subtitles offered.
    await expect(menu.getByRole("link")).toHaveText([
      "Plain text (.txt)",
      "Markdown (.md)",
      "Word (.docx)",
      "JSON (.json)",
    ]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    const box = await menu.getByRole("list").boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width, `${width} px: the open menu is on screen`).toBe(true);
    const { violations } = await new AxeBuilder({ page }).include("[data-testid=download-menu]").analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual(
      [],
    );
  }
  // An untimed transcript has no subtitles to download.
  const srt = await request.get(`/t/${draft.slug}/export/srt`);
  expect(srt.status()).toBe(404);
  expect((await srt.json()).error.code).toBe("NO_TIMINGS");
});

test("a draft's export is a 404 for readers, and works for its staff with internal notes marked", async ({
  request,
  page,
}) => {
  const reporter = await staffMember(request, "REPORTER", "Export Reporter");
  const stranger = await staffMember(request, "REPORTER", "Export Stranger");
  const draft = await uploadDraft(reporter.api, {
    title: `Fisheries briefing ${uniqueTag()}`,
    text: briefingText(uniqueTag()),
  });
  const statement = draft.segments[1]!;
  await annotate(reporter.api, draft.id, statement, "Quotas rise by two percent", {
    kind: "note",
    body: "Check the quota tables before this goes out.",
  });
  await annotate(reporter.api, draft.id, statement, "signed in Bergen", {
    kind: "context",
    body: "At the harbour office.",
  });

  for (const format of ["txt", "md", "docx", "json", "srt", "vtt", "csv"]) {
    const response = await request.get(`/t/${draft.slug}/export/${format}`);
    expect(response.status(), format).toBe(404);
    expect(await response.text(), format).not.toContain("quota tables");
  }

  const staffBase = `/api/transcripts/${draft.id}/export`;
  const withoutNotes = await reporter.api.get(`${staffBase}/txt`);
  expect(withoutNotes.status()).toBe(200);
  expect(withoutNotes.headers()["cache-control"]).toBe("private, no-store");
  expect(await withoutNotes.text()).not.toContain("quota tables");
  const text = await (await reporter.api.get(`${staffBase}/txt?notes=1`)).text();
  expect(text).toContain("[Internal note], by Export Reporter, on “Quotas rise by two percent”");
  expect(text).toContain("Check the quota tables before this goes out.");
  const markdown = await (await reporter.api.get(`${staffBase}/md?notes=1`)).text();
  expect(markdown).toContain("**[Internal note]** (Export Reporter)");
  const document = transcriptExportSchema.parse(await (await reporter.api.get(`${staffBase}/json?notes=1`)).json());
  expect(document.annotations.filter((annotation) => annotation.internal)).toEqual([
    expect.objectContaining({
      kind: "note",
      segment: 2,
      exact: "Quotas rise by two percent",
      author: "Export Reporter",
    }),
  ]);

  const csv = await reporter.api.get(`${staffBase}/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(`filename="${draft.slug}-annotations.csv"`);
  const rows = (await csv.text()).split("\r\n");
  expect(rows[0]).toBe(
    "\uFEFFkind,internal,status,paragraph,speaker,exact text,body,verdict,claim,sources,checker,author,created",
  );
  const noteRow = rows.find((row) => row.startsWith("Internal note,"));
  expect(noteRow).toMatch(
    /^Internal note,yes,anchored,2,[^,]*,Quotas rise by two percent,Check the quota tables before/,
  );
  expect(noteRow).toContain("Export Reporter");

  const untimed = await reporter.api.get(`${staffBase}/srt`);
  expect(untimed.status()).toBe(404);
  expect((await untimed.json()).error.code).toBe("NO_TIMINGS");
  const unknown = await reporter.api.get(`${staffBase}/pdf`);
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  expect((await stranger.api.get(`${staffBase}/json`)).status()).toBe(404);

  // The desk's Export menu: every format that applies, notes on request, and the CSV.
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  const menu = page.getByTestId("export-menu");
  await menu.getByText("Export").click();
  await expect(menu.getByRole("link", { name: "Plain text (.txt)" })).toHaveAttribute("href", `${staffBase}/txt`);
  await expect(menu.getByRole("link", { name: /SubRip/ })).toHaveCount(0);
  await menu.getByLabel("Include internal notes").check();
  await expect(menu.getByRole("link", { name: "Word (.docx)" })).toHaveAttribute("href", `${staffBase}/docx?notes=1`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("link", { name: /Annotations \(CSV\)/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${draft.slug}-annotations.csv`);
});
