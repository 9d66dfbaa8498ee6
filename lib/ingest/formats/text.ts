// Plain text and pasted text: one source line per non-blank line; blank lines separate blocks.
import { sourceLine, type ParsedSource, type SourceLine } from "../source";

export function parsePlainText(text: string): ParsedSource {
  const lines: SourceLine[] = [];
  let block = 0;
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") {
      block++;
      return;
    }
    lines.push(sourceLine({ line: index + 1, raw, text: raw.trim(), block }));
  });
  return { format: "txt", lines, headingIndex: null, timed: false, warnings: [] };
}
