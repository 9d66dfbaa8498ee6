import { diffWordsWithSpace, type ChangeObject } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Whether a change is only whitespace: not worth showing as "unchanged" between two edits. */
function isBlank(change: ChangeObject<string> | undefined): boolean {
  return change !== undefined && !change.added && !change.removed && /^\s+$/.test(change.value);
}

/** Whether a change is an insertion or a deletion. */
function isEdit(change: ChangeObject<string> | undefined): boolean {
  return change !== undefined && (change.added || change.removed);
}

/**
 * Word-level diff of two texts (diffWordsWithSpace), merging adjacent parts of the same kind. jsdiff alternates
 * "-two +six = -three +seven" word by word; whitespace between two edits is folded into them, so a rewritten phrase
 * reads as one removed and one added part ("-two three +six seven"). Removed parts come before added ones.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after);
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) parts.push({ kind: "removed", text: removed });
    if (added) parts.push({ kind: "added", text: added });
    removed = added = "";
  };
  changes.forEach((change, i) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if ((removed || added) && isBlank(change) && isEdit(changes[i + 1])) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      const last = parts.at(-1);
      if (last?.kind === "same") last.text += change.value;
      else if (change.value) parts.push({ kind: "same", text: change.value });
    }
  });
  flush();
  return parts;
}
