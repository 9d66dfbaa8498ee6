// The share cards' typeface: Noto Sans (SIL Open Font License, fonts/OFL.txt), regular and bold, in Fontsource's
// per-script WOFF files (next/og's renderer reads WOFF, not WOFF2). next/og's own font covers Latin only: any other
// letter became a box, or a download from a font service this server may not reach.
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The scripts every share card can show. */
export const SHARE_CARD_SCRIPTS = ["Latin", "Cyrillic", "Greek"] as const;

/** Fontsource's subsets of Noto Sans shipped here, each its own file (and family name, so each is a fallback). */
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext"] as const;
const WEIGHTS = [400, 700] as const;

export interface ShareCardFont {
  name: string;
  data: ArrayBuffer;
  weight: (typeof WEIGHTS)[number];
  style: "normal";
}

/** The card's font-family: every subset, Latin first. */
export const SHARE_CARD_FONT_FAMILY = SUBSETS.map((subset) => `"Noto Sans ${subset}"`).join(", ");

const FONT_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "share-card", "fonts");

let loading: Promise<ShareCardFont[]> | null = null;

/** The fonts for next/og's ImageResponse, read once per process. */
export function loadShareCardFonts(): Promise<ShareCardFont[]> {
  loading ??= Promise.all(
    SUBSETS.flatMap((subset) =>
      WEIGHTS.map(async (weight): Promise<ShareCardFont> => {
        const file = await readFile(path.join(FONT_FOLDER, `noto-sans-${subset}-${weight}-normal.woff`));
        const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
        return { name: `Noto Sans ${subset}`, data, weight, style: "normal" };
      }),
    ),
  ).catch((error: unknown) => {
    loading = null; // a missing file fails this card, not every later one
    throw error;
  });
  return loading;
}
