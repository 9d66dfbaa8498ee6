// Annotation highlights end where their words end, in the editor (a layer of marks drawn behind the paragraph's
// textarea, which must lay the words out exactly as the textarea does) and on the reading page; and the editor's
// "Annotation added" notice never covers the text.
import type { Page } from "@playwright/test";
import { expect, seedUser, signIn, test } from "./fixtures";
import { publishedBriefing, staffMember } from "./support/publishing";
import { db } from "@/lib/db";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";

const SCREENSHOTS = process.env.VERBATIM_SCREENSHOTS;

const PARAGRAPH =
  "Thank you. Allies discussed the security situation around the Sea of Azov and agreed to keep talking. " +
  "The minister said: “We will not accept it.” Fisheries, ferries and the weather were raised, as was Kyiv’s " +
  "request for patrol boats (twelve of them), which the Alliance will answer in March.";
/** Annotated words, each followed by a space or the paragraph's end, so the next word's ink is apart. */
const ANNOTATED = ["Sea of Azov", "“We will not accept it.”", "Kyiv’s", "(twelve of them),", "in March."];

async function draftWithHighlights(page: Page) {
  const reporter = await seedUser("REPORTER", "Hilde Highlight");
  const draft = await createDraftFromUpload({
    userId: reporter.id,
    input: {
      bytes: new TextEncoder().encode(`MODERATOR: Good afternoon.\n\nMINISTER HOLM: ${PARAGRAPH}`),
      filename: "holm-highlights.txt",
      mediaType: "text/plain",
    },
  });
  const segments = await db.segment.findMany({ where: { transcriptId: draft.id }, orderBy: { position: "asc" } });
  const paragraph = segments[1]!;
  for (const [index, words] of ANNOTATED.entries()) {
    const start = paragraph.text.indexOf(words);
    expect(start, words).toBeGreaterThanOrEqual(0);
    await db.annotation.create({
      data: {
        transcriptId: draft.id,
        segmentId: paragraph.id,
        start,
        end: start + words.length,
        exact: words,
        prefix: paragraph.text.slice(Math.max(0, start - 32), start),
        suffix: paragraph.text.slice(start + words.length, start + words.length + 32),
        kind: index % 2 ? "NOTE" : "CONTEXT",
        body: `About ${words}`,
        authorId: reporter.id,
      },
    });
  }
  await signIn(page, reporter.email, reporter.password);
  await page.goto(`/desk/transcripts/${draft.id}`);
  return { reporter, draft, paragraph };
}

interface InkCheck {
  words: string;
  /** Right edge of the highlight's last box, and of the ink of the words in the textarea on that line. */
  markRight: number;
  inkRight: number;
  markLeft: number;
  inkLeft: number;
}

/**
 * Where the textarea really draws each annotated word: its text is painted pure red with the highlight layer
 * hidden, the paragraph is photographed, and the red ink is found on each highlight's first and last line.
 */
async function measureInk(page: Page, paragraphNumber: number): Promise<InkCheck[]> {
  const textarea = page.getByRole("textbox", { name: new RegExp(`^Paragraph ${paragraphNumber},`) });
  const container = textarea.locator("xpath=..");
  const marks = container.locator("mark");
  await expect(marks).toHaveCount(ANNOTATED.length);
  // In the middle of the window: clear of the sticky toolbar above and, on a phone, of the panels' tab bar below.
  await container.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const boxes = await marks.evaluateAll((elements) =>
    elements.map((element) => {
      const rects = [...element.getClientRects()];
      return { words: element.textContent ?? "", first: rects[0]!.toJSON(), last: rects.at(-1)!.toJSON() };
    }),
  );
  const style = await page.addStyleTag({
    content:
      "mark { background: transparent !important; border-color: transparent !important; } " +
      "textarea { color: rgb(255, 0, 0) !important; caret-color: transparent !important; outline: none !important; }",
  });
  await textarea.evaluate((element: HTMLTextAreaElement) => element.blur());
  const area = (await container.boundingBox())!;
  const png = await page.screenshot({ clip: area });
  await style.evaluate((element) => (element as HTMLStyleElement).remove());
  return page.evaluate(
    async ({ data, area, boxes }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const scale = image.width / area.width;
      const isRed = (x: number, y: number) => {
        const [red, green, blue] = context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
        return red! > 150 && green! < 110 && blue! < 110;
      };
      /** Whether any pixel of column `x` (page coordinates) is inked on the line of `box`. */
      const isInked = (box: DOMRectInit, x: number) => {
        for (let y = box.y! - area.y + 2; y <= box.y! + box.height! - area.y - 4; y += 1 / scale) {
          if (isRed(x - area.x, y)) return true;
        }
        return false;
      };
      /**
       * The edge of the ink run around `from`, walking by `step` (+1/scale rightwards, -1/scale leftwards) while the
       * blank columns in a row stay under 2.5 px: the space between two words is wider, the gaps inside a word not.
       */
      const inkEdge = (box: DOMRectInit, from: number, step: number) => {
        let x = from;
        // Start on ink: the highlight's edge may be just past a letter's last inked column.
        for (let tries = 0; tries < 8 / Math.abs(step) && !isInked(box, x); tries++) x -= step;
        let edge = x;
        let blank = 0;
        for (; blank < 2.5 && x >= area.x && x <= area.x + area.width; x += step) {
          if (isInked(box, x)) {
            edge = x;
            blank = 0;
          } else blank += Math.abs(step);
        }
        return edge;
      };
      return boxes.map(({ words, first, last }) => {
        const markRight = last.x! + last.width!;
        return {
          words,
          markRight,
          inkRight: inkEdge(last, markRight - 2, 1 / scale) + 1 / scale,
          markLeft: first.x!,
          inkLeft: inkEdge(first, first.x! + 2, -1 / scale),
        };
      });
    },
    { data: png.toString("base64"), area, boxes },
  );
}

for (const { width, scale } of [
  { width: 1280, scale: 1 },
  { width: 360, scale: 1 },
  { width: 1280, scale: 2 },
]) {
  test.describe(`at ${width} px and ${scale}× pixels`, () => {
    test.use({ viewport: { width, height: 900 }, deviceScaleFactor: scale });

    test("editor highlights cover their words exactly, to the last letter", async ({ page }) => {
      await draftWithHighlights(page);
      await page.evaluate(() => document.fonts.ready);
      const checks = await measureInk(page, 2);
      for (const check of checks) {
        // A glyph's ink may sit a pixel or two inside its advance; it never reaches past the highlight.
        expect(
          check.inkRight,
          `${check.words}: ink ends at ${check.inkRight}, highlight at ${check.markRight}`,
        ).toBeLessThanOrEqual(check.markRight + 1);
        expect(check.markRight - check.inkRight, `${check.words}: highlight ends well after its words`).toBeLessThan(4);
        expect(
          check.inkLeft,
          `${check.words}: ink starts at ${check.inkLeft}, highlight at ${check.markLeft}`,
        ).toBeGreaterThanOrEqual(check.markLeft - 1);
      }
    });
  });
}

test("the reading page marks every annotated word to its end", async ({ page, request }) => {
  const reporter = await staffMember(request, "REPORTER", "Rhea Reader-Marks");
  const editor = await staffMember(request, "EDITOR", "Enno Reader-Marks");
  const briefing = await publishedBriefing(reporter, editor);
  await page.goto(briefing.path);
  const marks = page.locator("mark[data-kind]");
  expect(await marks.count()).toBeGreaterThanOrEqual(2);
  const gaps = await marks.evaluateAll((elements) =>
    elements.map((mark) => {
      // The range of the mark's words, without the note number drawn after them.
      const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
      const range = document.createRange();
      range.setStart(texts[0]!, 0);
      range.setEnd(texts.at(-1)!, texts.at(-1)!.length);
      const words = range.getClientRects();
      const boxes = mark.getClientRects();
      return {
        words: mark.textContent,
        wordsRight: words[words.length - 1]!.right,
        markRight: boxes[boxes.length - 1]!.right,
        wordsLeft: words[0]!.left,
        markLeft: boxes[0]!.left,
      };
    }),
  );
  for (const gap of gaps) {
    expect(gap.markRight, `${gap.words}`).toBeGreaterThanOrEqual(gap.wordsRight - 1);
    expect(gap.markLeft, `${gap.words}`).toBeLessThanOrEqual(gap.wordsLeft + 1);
  }
});

test("the “Annotation added” notice is announced and never covers the transcript's text", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { paragraph } = await draftWithHighlights(page);
  const textarea = page.getByRole("textbox", { name: /^Paragraph 2,/ });
  // Scrolled so that the paragraph sits just under the sticky toolbar, where the notice used to appear.
  await textarea.evaluate((element) => element.scrollIntoView({ block: "start" }));
  const words = "the security situation";
  const start = paragraph.text.indexOf(words);
  await textarea.focus();
  await textarea.evaluate(
    (element: HTMLTextAreaElement, [from, to]) => element.setSelectionRange(from!, to!),
    [start, start + words.length],
  );
  await page.keyboard.press("Alt+A");
  const form = page.getByTestId("annotation-form");
  await form.getByLabel("Context — public").check();
  await form.getByLabel("Text for readers").fill("A note on the security situation.");
  await form.getByRole("button", { name: "Add annotation" }).click();

  const notice = page.getByTestId("editor-notice");
  await expect(notice).toHaveText(/Annotation added\./);
  await expect(page.getByRole("status").filter({ hasText: "Annotation added." })).toHaveAttribute(
    "aria-live",
    "polite",
  );
  const noticeBox = (await notice.boundingBox())!;
  const covered = await page.evaluate((box) => {
    const overlaps: string[] = [];
    for (const element of document.querySelectorAll("textarea")) {
      const rect = element.getBoundingClientRect();
      const isApart =
        rect.right <= box.x || rect.left >= box.x + box.width || rect.bottom <= box.y || rect.top >= box.y + box.height;
      if (!isApart) overlaps.push(element.getAttribute("aria-label") ?? "");
    }
    return overlaps;
  }, noticeBox);
  expect(covered).toEqual([]);
  // The first line of the text is still what is under the eye, not the notice or a grown toolbar.
  const firstLine = await textarea.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + 40, rect.top + 20);
    return hit === element || element.contains(hit);
  });
  expect(firstLine).toBe(true);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/editor-notice.png` });

  await page.setViewportSize({ width: 390, height: 800 });
  await expect(notice).toBeVisible();
  const phoneBox = (await notice.boundingBox())!;
  expect(phoneBox.y + phoneBox.height).toBeLessThanOrEqual(800);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/editor-notice-phone.png` });
});

test("on iOS, whose textareas set their text 3 px further in, the highlight layer is set in as far", async ({
  page,
}) => {
  await draftWithHighlights(page);
  // Chromium is not iOS: read the rule that applies there from the page's style sheets instead.
  const inset = await page.getByRole("textbox", { name: /^Paragraph 2,/ }).evaluate((textarea) => {
    const layer = textarea.previousElementSibling as HTMLElement;
    const rules: CSSStyleDeclaration[] = [];
    const visit = (list: CSSRuleList, isIOS: boolean) => {
      for (const rule of Array.from(list)) {
        if (rule instanceof CSSSupportsRule)
          visit(rule.cssRules, /-webkit-touch-callout:\s*none/.test(rule.conditionText));
        else if (rule instanceof CSSMediaRule || rule instanceof CSSLayerBlockRule) visit(rule.cssRules, isIOS);
        else if (isIOS && rule instanceof CSSStyleRule && layer.matches(rule.selectorText)) rules.push(rule.style);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules, false);
    const own = getComputedStyle(layer);
    return {
      desktop: [own.paddingLeft, own.paddingRight, getComputedStyle(textarea).paddingLeft],
      // Each value as pixels: a probe with that padding, measured.
      iOS: rules.map((style) => {
        const probe = document.createElement("div");
        probe.style.paddingLeft = style.getPropertyValue("padding-inline") || style.getPropertyValue("padding-left");
        document.body.append(probe);
        const pixels = getComputedStyle(probe).paddingLeft;
        probe.remove();
        return pixels;
      }),
    };
  });
  // Elsewhere the layer's padding is the textarea's; on iOS it is 3 px more, as WebKit's inset there.
  expect(inset.desktop).toEqual(["12px", "12px", "12px"]);
  expect(inset.iOS).toEqual(["15px"]);
});
