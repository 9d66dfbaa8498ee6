// The 1200×630 card behind a shared link (next/og's ImageResponse): inline styles only, every box a flexbox.
import { ImageResponse } from "next/og";
import { quoteFontSize } from "./share-card-text";
import { truncateAtWord } from "@/lib/format/text";
import { loadShareCardFonts, SHARE_CARD_FONT_FAMILY } from "@/lib/share-card/fonts";

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

const INK = "#1c1917";
const PAPER = "#fcfbf8";
const ACCENT = "#9f1239";

export interface ShareCardProps {
  kicker: string;
  text: string;
  isQuote: boolean;
  /** Attribution lines under the text: speaker, event, date. */
  lines: string[];
  siteName: string;
}

/** The card as a PNG response, in Noto Sans (Latin, Cyrillic and Greek: lib/share-card/fonts.ts). */
export async function shareCardImage(props: ShareCardProps): Promise<ImageResponse> {
  return new ImageResponse(<ShareCard {...props} />, { ...SHARE_CARD_SIZE, fonts: await loadShareCardFonts() });
}

export function ShareCard({ kicker, text, isQuote, lines, siteName }: ShareCardProps) {
  const shown = truncateAtWord(text, isQuote ? 220 : 140);
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: PAPER,
        color: INK,
        fontFamily: SHARE_CARD_FONT_FAMILY,
        padding: "56px 72px",
        borderTop: `16px solid ${ACCENT}`,
      }}
    >
      <div style={{ display: "flex", fontSize: 28, color: ACCENT, fontWeight: 700, letterSpacing: 1 }}>
        {kicker.toUpperCase()}
      </div>
      <div style={{ display: "flex", fontSize: isQuote ? quoteFontSize(shown) : 60, lineHeight: 1.2, fontWeight: 700 }}>
        {isQuote ? `“${shown}”` : shown}
      </div>
      <div style={{ display: "flex", flexDirection: "column", fontSize: 28, lineHeight: 1.35 }}>
        {lines.filter(Boolean).map((line, index) => (
          <div key={index} style={{ display: "flex", fontWeight: index === 0 ? 700 : 400 }}>
            {truncateAtWord(line, 80)}
          </div>
        ))}
        <div style={{ display: "flex", marginTop: 16, color: ACCENT, fontWeight: 700 }}>{siteName}</div>
      </div>
    </div>
  );
}
