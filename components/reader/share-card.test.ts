// Share cards in Ukrainian, Russian and Greek render every letter from the fonts shipped with the app. next/og asks
// its loadAdditionalAsset hook (a download from Google Fonts) for any character none of the card's fonts has, and
// draws a box when that fails, as it does offline: a card that would show a box is caught here as a font request,
// with the network cut off. The fonts' own character maps are checked too, letter by letter.
import fs from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { ImageResponse } from "next/og";
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SHARE_CARD_SIZE, ShareCard, shareCardImage, type ShareCardProps } from "./share-card";
import { loadShareCardFonts } from "@/lib/share-card/fonts";

const QUOTES: Record<string, ShareCardProps> = {
  Ukrainian: {
    kicker: "Ключова цитата",
    text: "Україна вистоїть. Ми дякуємо партнерам за підтримку, за ґрунтовну допомогу і за їхню єдність.",
    isQuote: true,
    lines: ["Дмитро Кулеба, міністр закордонних справ України", "Брифінг у Києві", "14 лютого 2019 · Київ"],
    siteName: "Verbatim",
  },
  Russian: {
    kicker: "Ключевая цитата",
    text: "Мы не допустим эскалации. Съезд подтвердил: решение принято, и обсуждать его больше не будем.",
    isQuote: true,
    lines: ["Мария Захарова, официальный представитель МИД", "Брифинг в Москве", "14 февраля 2019 · Москва"],
    siteName: "Verbatim",
  },
  Greek: {
    kicker: "Βασικό απόσπασμα",
    text: "Η Ελλάδα στηρίζει την Ουκρανία. Ψηφίσαμε ομόφωνα· η απόφαση είναι ξεκάθαρη για όλους μας.",
    isQuote: true,
    lines: ["Νίκος Δένδιας, υπουργός Εξωτερικών", "Συνέντευξη Τύπου στην Αθήνα", "14 Φεβρουαρίου 2019 · Αθήνα"],
    siteName: "Verbatim",
  },
};

/** Every address the renderer tried to fetch while drawing the card (font and emoji downloads). */
let fetched: string[] = [];

const realFetch = globalThis.fetch;

beforeEach(() => {
  fetched = [];
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const address = String(input instanceof Request ? input.url : input);
    // The renderer loads its own WebAssembly from a data: address; anything else would leave the machine.
    if (address.startsWith("data:")) return realFetch(input, init);
    fetched.push(address);
    throw new Error("No network in this test: the card must render from the fonts it ships with.");
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The code points a WOFF or TrueType font maps to glyphs: its cmap table's format 4 and 12 subtables. */
function characterMap(font: Buffer): Set<number> {
  const tables = new Map<string, Buffer>();
  const isWoff = font.toString("latin1", 0, 4) === "wOFF";
  const count = font.readUInt16BE(isWoff ? 12 : 4);
  for (let index = 0; index < count; index++) {
    const entry = isWoff ? 44 + index * 20 : 12 + index * 16;
    const tag = font.toString("latin1", entry, entry + 4);
    const offset = font.readUInt32BE(entry + (isWoff ? 4 : 8));
    const length = font.readUInt32BE(entry + (isWoff ? 8 : 12));
    const raw = font.subarray(offset, offset + length);
    tables.set(tag, isWoff && length < font.readUInt32BE(entry + 12) ? inflateSync(raw) : raw);
  }
  const cmap = tables.get("cmap");
  if (!cmap) throw new Error("The font has no cmap table.");
  const codePoints = new Set<number>();
  for (let index = 0; index < cmap.readUInt16BE(2); index++) {
    const table = cmap.readUInt32BE(4 + index * 8 + 4);
    const format = cmap.readUInt16BE(table);
    if (format === 4) {
      const segments = cmap.readUInt16BE(table + 6) / 2;
      for (let segment = 0; segment < segments; segment++) {
        const end = cmap.readUInt16BE(table + 14 + segment * 2);
        const start = cmap.readUInt16BE(table + 16 + segments * 2 + segment * 2);
        if (start !== 0xffff) for (let code = start; code <= end; code++) codePoints.add(code);
      }
    } else if (format === 12) {
      for (let group = 0; group < cmap.readUInt32BE(table + 12); group++) {
        const start = cmap.readUInt32BE(table + 16 + group * 12);
        const end = cmap.readUInt32BE(table + 20 + group * 12);
        for (let code = start; code <= end; code++) codePoints.add(code);
      }
    }
  }
  return codePoints;
}

async function pngOf(response: ImageResponse): Promise<Buffer> {
  const png = Buffer.from(await response.arrayBuffer());
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(SHARE_CARD_SIZE.width);
  expect(png.readUInt32BE(20)).toBe(SHARE_CARD_SIZE.height);
  return png;
}

describe("share cards", () => {
  for (const [language, card] of Object.entries(QUOTES)) {
    it(`draw a ${language} quote card with no missing letter`, async () => {
      await pngOf(await shareCardImage(card));
      expect(fetched).toEqual([]);
    });
  }

  it("the check fails with next/og's own font, which has no Greek: the Greek card asks the network for letters", async () => {
    await pngOf(new ImageResponse(createElement(ShareCard, QUOTES.Greek!), SHARE_CARD_SIZE));
    expect(fetched.some((address) => address.startsWith("https://fonts.googleapis.com/"))).toBe(true);
  });

  it("ship fonts whose character maps hold every letter of the Ukrainian, Russian and Greek cards", async () => {
    const fonts = await loadShareCardFonts();
    for (const weight of [400, 700]) {
      const covered = new Set(
        fonts.filter((font) => font.weight === weight).flatMap((font) => [...characterMap(Buffer.from(font.data))]),
      );
      for (const [language, card] of Object.entries(QUOTES)) {
        const text = [card.kicker, card.kicker.toUpperCase(), `“${card.text}”`, ...card.lines, card.siteName].join("");
        const missing = [...new Set(text)].filter(
          (character) => !/\s/u.test(character) && !covered.has(character.codePointAt(0)!),
        );
        expect(missing, `${language}, weight ${weight}`).toEqual([]);
      }
    }
  });

  it("reads a character map that finds the Greek letters next/og's own font lacks", () => {
    const geist = fs.readFileSync(
      path.join(process.cwd(), "node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf"),
    );
    const covered = characterMap(geist);
    expect(covered.has("A".codePointAt(0)!)).toBe(true);
    expect(covered.has("Я".codePointAt(0)!)).toBe(true);
    expect([..."Ελλάδα"].filter((letter) => !covered.has(letter.codePointAt(0)!))).not.toEqual([]);
  });

  it("draw an English card, quotes and dashes included, with no missing letter", async () => {
    await pngOf(
      await shareCardImage({
        kicker: "Key quote",
        text: "We will not accept a return to the “old normal” — not in the Black Sea, not anywhere… Café & co.",
        isQuote: true,
        lines: ["Jens Stoltenberg, NATO Secretary General", "Press conference", "14 February 2019 · Brussels"],
        siteName: "Verbatim",
      }),
    );
    expect(fetched).toEqual([]);
  });
});
