// Decides which lines are not speech, reports each with a stable id, and puts back the ones the reporter restored.
import { classifyBoilerplate } from "./boilerplate";
import type { TitleLines } from "./metadata";
import type { Removal, SourceLine } from "./source";
import type { RemovedLine } from "./types";

export interface CleanResult {
  kept: SourceLine[];
  removed: RemovedLine[];
}

const TITLE_REMOVAL: Removal = { code: "title", reason: "First line, used as the title." };
const DATELINE_REMOVAL: Removal = { code: "title", reason: "Date line under the title, used for the date and place." };

/**
 * Every decision depends only on the lines themselves, never on `restore`, so ids (assigned in line order) stay
 * the same from one parse of the same bytes to the next, and restoring one line does not renumber the others.
 */
export function cleanLines(
  lines: readonly SourceLine[],
  titleLines: TitleLines,
  restore: ReadonlySet<number>,
): CleanResult {
  const footerStart = findFooterStart(lines, titleLines);
  const kept: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  let nextId = 1;
  lines.forEach((line, index) => {
    const removal =
      index === titleLines.title
        ? TITLE_REMOVAL
        : index === titleLines.dateline
          ? DATELINE_REMOVAL
          : (line.removal ?? classifyBoilerplate(line.text, index >= footerStart));
    if (removal === null) {
      kept.push(line);
      return;
    }
    const id = nextId++;
    if (restore.has(id)) {
      kept.push({ ...line, removal: null });
      return;
    }
    removed.push({
      id,
      line: line.line,
      text: line.text || line.raw.trim(),
      reasonCode: removal.code,
      reason: removal.reason,
    });
  });
  return { kept, removed };
}

/**
 * The footer is the run of lines at the end that are all boilerplate: a channel's links and prompts after the last
 * words spoken. Lines the format parser already removed (caption repeats) neither start nor end it.
 */
function findFooterStart(lines: readonly SourceLine[], titleLines: TitleLines): number {
  let start = lines.length;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index];
    if (!line || index === titleLines.title || index === titleLines.dateline) break;
    if (line.removal === null && classifyBoilerplate(line.text, true) === null) break;
    start = index;
  }
  return start;
}
