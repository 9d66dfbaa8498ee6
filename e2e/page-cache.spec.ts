// The server keeps the bytes of public pages Next served from its cache (lib/http/page-cache.ts, scripts/serve.ts).
// That copy must never outlive a change: a correction shows and an unpublished page is gone on the very next request.
import { expect, test } from "./fixtures";
import {
  briefingText,
  completeDetails,
  correct,
  publishOverWarnings,
  readDraft,
  staffMember,
  transition,
  uniqueTag,
  uploadDraft,
} from "./support/publishing";

test("a published page is answered from the server's copy until a correction or unpublishing empties it", async ({
  request,
}) => {
  const tag = uniqueTag();
  const editor = await staffMember(request, "EDITOR", `Page Cache Editor ${tag}`);
  const draft = await uploadDraft(editor.api, { title: `Cached briefing ${tag}`, text: briefingText(tag) });
  await completeDetails(editor.api, draft.id);
  await publishOverWarnings(editor.api, draft.id);
  const path = `/t/${draft.slug}`;

  // Rendered once into Next's cache, then served from it; from then on the server answers from its own copy.
  // Other tests publish at the same time, and every publication empties the copy: poll until a request is answered
  // from it, and check that answer.
  let copy = await request.get(path);
  await expect
    .poll(
      async () => {
        copy = await request.get(path);
        return copy.headers()["x-verbatim-page-cache"];
      },
      { timeout: 15_000 },
    )
    .toBe("HIT");
  expect(copy.status()).toBe(200);
  // The copy carries Next's headers, the security policy included, and the same page.
  expect(copy.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(copy.headers()["content-type"]).toContain("text/html");
  expect(await copy.text()).toContain(`Cached briefing ${tag}`);
  // A client that does not accept gzip never gets the compressed copy: it gets a plain one of its own.
  const plain = { "accept-encoding": "identity" };
  await expect
    .poll(async () => (await request.get(path, { headers: plain })).headers()["x-verbatim-page-cache"], {
      timeout: 15_000,
    })
    .toBe("HIT");
  const plainCopy = await request.get(path, { headers: plain });
  expect(plainCopy.headers()["content-encoding"]).toBeUndefined();
  expect(await plainCopy.text()).toContain(`Cached briefing ${tag}`);
  // Router payloads and other addresses are never answered from the copy.
  expect((await request.get(path, { headers: { rsc: "1" } })).headers()["x-verbatim-page-cache"]).toBeUndefined();
  expect((await request.get(`${path}?x=1`)).headers()["x-verbatim-page-cache"]).toBeUndefined();

  const { segments } = await readDraft(editor.api, draft.id);
  const paragraph = segments[1]!;
  await correct(editor.api, draft.id, {
    segmentId: paragraph.id,
    text: `The agreement was signed in Tromsø ${tag}.`,
    reason: "The place was misheard.",
  });
  const corrected = await request.get(path);
  expect(corrected.headers()["x-verbatim-page-cache"]).toBeUndefined();
  expect(await corrected.text()).toContain(`The agreement was signed in Tromsø ${tag}.`);

  await expect
    .poll(async () => (await request.get(path)).headers()["x-verbatim-page-cache"], { timeout: 15_000 })
    .toBe("HIT");
  const unpublished = await transition(editor.api, draft.id, { to: "UNPUBLISHED", note: "Legal asked." });
  expect(unpublished.status(), await unpublished.text()).toBe(200);
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get(path)).status()).toBe(404);
});
