// WebVTT: header, then blocks that are cues, NOTE comments, STYLE sheets or REGION definitions.
import type { ParsedSource } from "../source";
import { cuesToSource, readCues, splitCueBlocks } from "./subtitles";

const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

export function parseWebVtt(text: string): ParsedSource {
  const lines = text.split("\n");
  // The header runs from the WEBVTT signature to the first blank line ("Kind: captions", "Language: en").
  let bodyStart = 0;
  if (lines[0]?.startsWith("WEBVTT")) {
    while (bodyStart < lines.length && (lines[bodyStart] ?? "").trim() !== "") bodyStart++;
  }
  // webvtt-parser knows NOTE and STYLE but not REGION, so the blocks are sorted out here and only cues reach it.
  const blocks = splitCueBlocks(lines, bodyStart, false).filter((block) => !NON_CUE_BLOCK.test(block.lines[0] ?? ""));
  const warnings: string[] = [];
  return cuesToSource("vtt", readCues(blocks, warnings), warnings);
}
