// Every speaker of one transcript, once, whatever the spelling or capitals of each mention; and the short forms of a
// name ("Dana", "STOLTENBERG") joined to the one full name they belong to, reported so the reporter can undo it.
import type { ParsedSpeaker, SpeakerMerge } from "../types";
import { isPersonName, speakerKey } from "./names";
import { MODERATOR_LABELS, QUESTIONER_LABELS, words } from "./words";

/** One-word labels that stand for a role, not a person: "Question" never joins "Question Time". */
const GENERIC_NAMES = new Set([...QUESTIONER_LABELS.keys(), ...MODERATOR_LABELS, ...words("answer speaker unknown")]);

export interface ResolvedSpeakers {
  /** The final speaker for each key `add` returned. */
  byKey: Map<string, ParsedSpeaker>;
  merges: SpeakerMerge[];
}

export class SpeakerDirectory {
  private readonly byKey = new Map<string, ParsedSpeaker>();

  /** Adds a speaker, or completes the one already known under the same name; returns the key to refer to it. */
  add(speaker: ParsedSpeaker): string {
    const key = speakerKey(speaker.name);
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...speaker });
      return key;
    }
    known.title ??= speaker.title;
    known.role ??= speaker.role;
    known.outlet ??= speaker.outlet;
    return key;
  }

  /**
   * A one-word name joins the one full name known that starts or ends with it ("Dana" and "Whitfield" join "Dana
   * Whitfield"); with two candidates ("Dana Whitfield" and "Dana Okoro") it stays as it is rather than guess. Names
   * in `keepApart` (as reported in SpeakerMerge.from) stay their own speaker.
   */
  resolve(keepApart: readonly string[] = []): ResolvedSpeakers {
    const apart = new Set(keepApart.map(speakerKey));
    const resolved = new Map(this.byKey);
    const merges: SpeakerMerge[] = [];
    // Only a person's name takes in a short form: not a heading the title was misread from.
    const fullNames = [...this.byKey.values()].filter(
      (speaker) => nameTokens(speaker.name).length > 1 && isPersonName(speaker.name.split(" ")),
    );
    for (const [key, speaker] of this.byKey) {
      const tokens = nameTokens(speaker.name);
      if (tokens.length !== 1 || GENERIC_NAMES.has(key) || apart.has(key)) continue;
      const candidates = fullNames.filter((full) => {
        const parts = nameTokens(full.name);
        return parts[0] === key || parts[parts.length - 1] === key;
      });
      const full = candidates.length === 1 ? candidates[0] : undefined;
      if (!full) continue;
      full.title ??= speaker.title;
      full.role ??= speaker.role;
      full.outlet ??= speaker.outlet;
      resolved.set(key, full);
      merges.push({ from: speaker.name, into: full.name });
    }
    return { byKey: resolved, merges };
  }
}

/** The words of a name as keys, a hyphenated name being one word: "Karine Jean-Pierre" → karine, jean pierre. */
function nameTokens(name: string): string[] {
  return name
    .split(/\s+/)
    .map(speakerKey)
    .filter((token) => token !== "");
}
