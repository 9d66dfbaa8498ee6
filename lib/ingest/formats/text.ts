// Plain text and pasted text: one source line per non-blank line; blank lines separate blocks. Front matter at the
// top, datelines, clock lines, timestamps and stage directions are marked by the document wrappers.
import { sourceLine, type ParsedSource, type SourceLine } from "../source";
import { markWrapperLines, takeFrontMatter } from "../wrappers";

export function parsePlainText(text: string): ParsedSource {
  const frontMatter = takeFrontMatter(text);
  const bodyStart = frontMatter.block?.lineCount ?? 0;
  const lines: SourceLine[] = [...frontMatter.lines];
  let block = 1;
  text.split("\n").forEach((raw, index) => {
    if (index < bodyStart) return;
    if (raw.trim() === "") {
      block++;
      return;
    }
    lines.push(sourceLine({ line: index + 1, raw, text: raw.trim(), block }));
  });
  const dateline = markWrapperLines(lines);
  const warnings = frontMatter.block?.warning ? [frontMatter.block.warning] : [];
  return {
    format: "txt",
    lines,
    headingIndex: null,
    timed: false,
    warnings,
    frontMatter: frontMatter.block?.fields ?? null,
    dateline,
  };
}
