// The edge cache's contract, through the real desk server: public responses name their cache tags in
// Surrogate-Key (the desk never does), and publishing and unpublishing tell EDGE_PURGE_URL which tags to forget
// (here a recorder standing in for Varnish: e2e/support/purge-recorder.ts).
import { expect, test } from "./fixtures";
import { PURGE_RECORDER_PORT } from "./support/purge-recorder";
import {
  completeDetails,
  json,
  publishOverWarnings,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
} from "./support/publishing";

async function purgesSince(since: number): Promise<string[][]> {
  const response = await fetch(`http://127.0.0.1:${PURGE_RECORDER_PORT}/purges`);
  const { purges } = (await response.json()) as { purges: { at: number; keys: string[] }[] };
  return purges.filter((purge) => purge.at >= since).map((purge) => purge.keys);
}

test("public responses name their cache tags, and publishing and unpublishing purge them at the edge", async ({
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edda Editor ${tag}`);
  const draft = await uploadDraft(reporter.api, {
    title: `Harbour works ${tag}`,
    text: `MINISTER HOLM: The north quay reopens in the autumn ${tag}.\n\nQUESTION: Thank you.`,
  });
  await completeDetails(reporter.api, draft.id);

  const beforePublishing = Date.now();
  const published = await publishOverWarnings(editor.api, draft.id);
  const path = new URL(published.url as string).pathname;
  const slug = path.split("/").pop() as string;
  await expect
    .poll(() => purgesSince(beforePublishing))
    .toContainEqual(expect.arrayContaining([`public:slug:${slug}`]));

  const page = await request.get(path);
  expect(page.status()).toBe(200);
  expect(page.headers()["surrogate-key"]).toBe(`public public:slug:${slug}`);
  expect((await request.get("/")).headers()["surrogate-key"]).toBe("public public:listings");
  const desk = await editor.api.get(`/api/transcripts/${draft.id}`);
  expect(desk.status()).toBe(200);
  expect(desk.headers()["surrogate-key"]).toBeUndefined();
  expect((await request.get("/signin")).headers()["surrogate-key"]).toBeUndefined();

  const beforeUnpublishing = Date.now();
  const unpublished = await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "A legal problem." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  expect((await json<{ status: string }>(unpublished)).status).toBe("UNPUBLISHED");
  await expect
    .poll(() => purgesSince(beforeUnpublishing))
    .toContainEqual(expect.arrayContaining(["public:listings", `public:slug:${slug}`]));
  expect((await request.get(path)).status()).toBe(404);
});

test("a share image asked for before publication is not kept as a 404: after publishing it is there", async ({
  request,
}) => {
  const tag = uniqueTag();
  const reporter = await staffMember(request, "REPORTER", `Rita Reporter ${tag}`);
  const editor = await staffMember(request, "EDITOR", `Edda Editor ${tag}`);
  const draft = await uploadDraft(reporter.api, {
    title: `Ferry timetable ${tag}`,
    text: `MINISTER HOLM: The winter ferry keeps its Sunday crossing ${tag}.\n\nQUESTION: Thank you.`,
  });
  await completeDetails(reporter.api, draft.id);
  // The image's address has a suffix of the build's making: read it off a published page's og:image.
  const other = await uploadDraft(reporter.api, {
    title: `Ferry fares ${tag}`,
    text: `MINISTER HOLM: Fares stay as they are ${tag}.\n\nQUESTION: Thank you.`,
  });
  await completeDetails(reporter.api, other.id);
  const otherPath = new URL((await publishOverWarnings(editor.api, other.id)).url as string).pathname;
  const otherImage = /<meta property="og:image" content="([^"]+)"/.exec(
    await (await request.get(otherPath)).text(),
  )?.[1];
  const suffix = new URL(otherImage!).pathname.split("/").pop()!;
  expect(suffix).toMatch(/^opengraph-image/);
  const image = `/t/${draft.slug}/${suffix}`;

  // A reader (or a link preview) asks before publication: not found, and not kept anywhere without the tag that
  // publishing expires.
  for (let attempt = 0; attempt < 2; attempt++) {
    const early = await request.get(image);
    expect(early.status()).toBe(404);
    const cacheControl = early.headers()["cache-control"] ?? "";
    const taggedForTheEdge = (early.headers()["surrogate-key"] ?? "").split(" ").includes(`public:slug:${draft.slug}`);
    expect(/no-store|max-age=0|no-cache/.test(cacheControl) || taggedForTheEdge, cacheControl).toBe(true);
  }

  await publishOverWarnings(editor.api, draft.id);
  await expect
    .poll(async () => {
      const response = await request.get(image);
      return `${response.status()} ${response.headers()["content-type"]}`;
    })
    .toBe("200 image/png");
});
