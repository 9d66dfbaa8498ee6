// Draws Verbatim's icons and its default share image in headless Chromium and writes them to public/. The outputs
// are committed; run this again only after changing the design: `npx tsx scripts/make-icons.ts`.
//
// The mark is a serif "V" in paper on an ink square over a short accent rule, drawn as a path so that it looks the
// same whatever fonts a browser has. The share image names no site (SITE_NAME is configurable; this file is not).
import fs from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_FLAGS, findChromium } from "@/e2e/chromium";

const INK = "#1c1917";
const PAPER = "#fcfbf8";
const ACCENT = "#9f1239";

const PUBLIC_DIRECTORY = path.join(process.cwd(), "public");

/**
 * The V on a 512-unit grid: a heavy left stroke, a hairline right stroke and flat serifs, as in a bold old-style
 * serif, over a short accent rule. Scaled about the middle, its outermost points stay inside the middle 80% circle,
 * the safe zone of a maskable icon.
 */
const V_PATH = "M140 128H240V144H214L276 320L338 144H310V128H372V144H352L268 384H248L168 144H140Z";
const RULE = '<rect x="200" y="404" width="112" height="16"/>';
/** The glyph and rule's box is centred on 274; scaled about that point and moved to the square's middle. */
const MARK_TRANSFORM = "translate(256 256) scale(1.08) translate(-256 -274)";
/** At 16 and 32 pixels the hairline and the rule blur away: a heavier V, larger, without the rule. */
const SMALL_V_PATH = "M128 120H250V152H222L276 306L326 152H300V120H384V152H358L274 392H238L158 152H128Z";
const SMALL_MARK_TRANSFORM = "translate(256 256) scale(1.2) translate(-256 -256)";

function markSvg({ size, isRounded, isSmall = false }: { size: number; isRounded: boolean; isSmall?: boolean }) {
  const glyph = isSmall
    ? `<path transform="${SMALL_MARK_TRANSFORM}" d="${SMALL_V_PATH}" fill="${PAPER}"/>`
    : `<g transform="${MARK_TRANSFORM}"><path d="${V_PATH}" fill="${PAPER}"/><g fill="${ACCENT}">${RULE}</g></g>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="${size}" height="${size}">`,
    `<rect width="512" height="512" rx="${isRounded ? 96 : 0}" fill="${INK}"/>`,
    glyph,
    `</svg>`,
  ].join("");
}

/** The served SVG icon: a title for anyone who opens it, no fixed pixel size. */
function iconSvgFile(): string {
  return `${markSvg({ size: 512, isRounded: true })
    .replace(' width="512" height="512"', "")
    .replace(">", ' role="img" aria-labelledby="title"><title id="title">Verbatim</title>')}\n`;
}

async function renderPng(page: Page, html: string, width: number, height: number): Promise<Buffer> {
  await page.setViewportSize({ width, height });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head>` +
      `<body>${html}</body></html>`,
  );
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ type: "png", omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

function shareImageHtml(): string {
  return `
    <div style="width:1200px;height:630px;box-sizing:border-box;background:${PAPER};color:${INK};
      display:flex;align-items:center;gap:72px;padding:0 96px;border-top:16px solid ${ACCENT};
      font-family:'Liberation Serif','DejaVu Serif',Georgia,serif">
      <div style="flex:none">${markSvg({ size: 280, isRounded: true })}</div>
      <div style="display:flex;flex-direction:column;gap:28px">
        <div style="font-size:104px;font-weight:700;line-height:1;letter-spacing:-0.01em">On the record.</div>
        <div style="width:120px;height:6px;background:${ACCENT}"></div>
        <div style="font-size:36px;line-height:1.35;color:#44403c">
          Annotated transcripts of press conferences, speeches, interviews and hearings.
        </div>
      </div>
    </div>`;
}

/**
 * An ICO file holding PNG images, as Windows Vista and every current browser read it: a 6-byte ICONDIR, one 16-byte
 * ICONDIRENTRY per image, then the PNGs themselves.
 */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width; 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main(): Promise<void> {
  await fs.mkdir(PUBLIC_DIRECTORY, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const write = async (name: string, content: Buffer | string) => {
      await fs.writeFile(path.join(PUBLIC_DIRECTORY, name), content);
      console.log(`public/${name}`);
    };

    await write("icon.svg", iconSvgFile());
    // Home screens round the corners themselves and show transparency as black: these fill the square.
    for (const [name, size] of [
      ["apple-touch-icon.png", 180],
      ["icon-192.png", 192],
      ["icon-512.png", 512],
    ] as const) {
      await write(name, await renderPng(page, markSvg({ size, isRounded: false }), size, size));
    }
    const favicons = [];
    for (const size of [16, 32, 48]) {
      const png = await renderPng(page, markSvg({ size, isRounded: true, isSmall: size <= 32 }), size, size);
      favicons.push({ size, png });
    }
    await write("favicon.ico", icoFromPngs(favicons));
    await write("og-default.png", await renderPng(page, shareImageHtml(), 1200, 630));
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
