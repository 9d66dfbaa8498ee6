// Stage directions: what the transcriber saw or heard that nobody said, written in brackets or parentheses
// ("[Applause]", "(Laughter.)", "(As interpreted.)", "(сміх)", "(Beifall)"). They stay in the transcript as marked
// non-speech. Transcriber markers about the words themselves ("[inaudible 00:12:03]", "[crosstalk]") are not stage
// directions: they stand for speech that was there, so they stay part of the speaker's words.
// Framework-free: the ingestion pipeline and the reader both use it.

export interface TextSpan {
  start: number;
  end: number;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** The first word of a stage direction, in the languages newsrooms transcribe. Lower case. */
const STAGE_WORDS = words(`
  applause applauding applauds laughter laughs laughing laugh chuckles chuckling cheers cheering cheer booing boos
  jeers music singing song anthem silence sighs gasps murmurs groans whistles whistling bell gavel sirens siren
  audience crowd video audio clip recording break recess pause intermission interruption end intro outro
  theme jingle
  rires rire applaudissements musique brouhaha huées sifflets silence
  beifall applaus gelächter lachen heiterkeit musik zwischenruf zwischenrufe unruhe
  aplausos risas música musica abucheos silencio
  risate applausi
  risos vaias
  смех аплодисменты музыка шум оживление
  сміх оплески музика пауза
  oklaski śmiech muzyka
`);

/** Whole phrases that are stage directions though their first word is common: "(As interpreted.)". */
const STAGE_PHRASES = [
  /^as (?:interpreted|translated|prepared(?: for delivery)?)$/i,
  /^(?:speaks|speaking|in|answers in|continues in|via interpreter|through (?:an )?interpreter)(?: \p{L}+)?$/iu,
  /^(?:the )?(?:president|vice president|first lady|prime minister|chancellor|secretary|minister|senator|speaker|crowd|audience|participants)(?: \p{L}+){0,4} (?:arrives?|departs?|exits?|enters?|leaves?|laughs?|applauds?|stands?|sits?|gestures?|nods?|pauses?)$/iu,
  /^(?:через перекладача|переклад|перевод|en français|traduction|übersetzung|traducción)$/iu,
  /^(?:video|audio|clip|sound) (?:plays?|played|begins?|ends?)$/i,
  /^(?:off[- ]mic(?:rophone)?|off the record|cross[- ]talk)$/i,
];

/** Markers for speech that was there but could not be taken down: never stage directions. */
const TRANSCRIBER_MARKERS = words(`
  inaudible unintelligible indistinct crosstalk overlapping unclear incomprehensible incompréhensible
  unverständlich ininteligible неразборчиво нерозбірливо
`);

/** A bracketed or parenthesised group; no nesting, at most a short sentence. */
const GROUP = /\[([^[\]\n]{1,80})\]|\(([^()\n]{1,80})\)/gu;

const MAX_WORDS = 8;

function isDirectionContent(content: string): boolean {
  // "(Applause.)", "( Laughter )", "[APPLAUSE AND CHEERS]", "(Rires)"
  const text = content
    .trim()
    .replace(/[.!…]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "" || /\d/.test(text)) return false; // a timestamp or a time-coded marker is not a direction
  const tokens = text.split(" ");
  if (tokens.length > MAX_WORDS) return false;
  const first = (tokens[0] ?? "").toLowerCase().replace(/[,;:]+$/, "");
  if (TRANSCRIBER_MARKERS.has(first)) return false;
  if (STAGE_WORDS.has(first)) return true;
  return STAGE_PHRASES.some((phrase) => phrase.test(text));
}

/** Where the stage directions in a line of text are, in order. */
export function stageDirectionSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(GROUP)) {
    const content = match[1] ?? match[2] ?? "";
    if (isDirectionContent(content)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** True when the whole text is stage directions ("(Applause.)", "[Laughter] [Applause]"), with nothing said. */
export function isStageDirection(text: string): boolean {
  const trimmed = text.trim();
  // A line of stage directions opens with a bracket and is short: most lines are rejected here, unscanned.
  if (!/^[[(]/.test(trimmed) || trimmed.length > 200) return false;
  const spans = stageDirectionSpans(trimmed);
  if (spans.length === 0) return false;
  let rest = "";
  let at = 0;
  for (const span of spans) {
    rest += trimmed.slice(at, span.start);
    at = span.end;
  }
  rest += trimmed.slice(at);
  return /^[\s.,;:!…—–-]*$/u.test(rest);
}
