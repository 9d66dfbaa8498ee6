// Snippets as text runs, so that pages render matches as <mark> elements and the API as escaped HTML, and no
// paragraph's own characters are ever taken for markup.
import type { SnippetRun } from "@/lib/search/types";

/**
 * Private-use characters around each matching word in a database's snippet: they cannot occur in stored text (the
 * clean-up removes them), so the snippet can be HTML-escaped first and marked up after, and no paragraph's own "<"
 * or "&" is ever read as markup. Both databases' snippets use them (SQLite's snippet(), PostgreSQL's ts_headline).
 */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

/** Splits a snippet whose matches are wrapped in `markOpen`…`markClose` into runs. */
export function snippetRuns(snippet: string, markers: { markOpen: string; markClose: string }): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = runs.at(-1);
    if (last && last.marked === marked) last.text += text;
    else runs.push({ text, marked });
    text = "";
  };
  for (const character of snippet) {
    if (character === markers.markOpen || character === markers.markClose) {
      flush();
      marked = character === markers.markOpen;
    } else {
      text += character;
    }
  }
  flush();
  return joinAdjacentMarks(runs);
}

/** "<mark>sea</mark> <mark>of</mark> <mark>azov</mark>" reads better as one marked phrase. */
function joinAdjacentMarks(runs: SnippetRun[]): SnippetRun[] {
  const joined: SnippetRun[] = [];
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const previous = joined.at(-1);
    const next = runs[index + 1];
    if (!run.marked && previous?.marked && next?.marked && /^\s+$/.test(run.text)) {
      previous.text += run.text + next.text;
      index++;
      continue;
    }
    if (run.marked && previous?.marked) previous.text += run.text;
    else joined.push({ ...run });
  }
  return joined;
}

/** The start of a paragraph, for a result found by its filters alone: about `words` words, then "…". */
export function excerpt(text: string, words = 32): string {
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")}…`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The snippet as HTML: the text escaped, the matches in <mark>. */
export function snippetHtml(runs: readonly SnippetRun[]): string {
  return runs.map((run) => (run.marked ? `<mark>${escapeHtml(run.text)}</mark>` : escapeHtml(run.text))).join("");
}

/** The snippet as plain text. */
export function snippetText(runs: readonly SnippetRun[]): string {
  return runs.map((run) => run.text).join("");
}
