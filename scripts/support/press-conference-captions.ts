// A press conference's captions as a SubRip file, made up from a seed (npm run bench:live replays it): three to five
// speakers (a moderator, one or two officials, one or two reporters), cues of 1.5–6 s of at most two lines of 42
// characters with small gaps between them, now and then a pause of more than 10 s, and words with numbers, amounts
// and names in several alphabets. A change of speaker is marked the way broadcast and meeting captions mark it and
// the subtitle reader understands it (lib/ingest/formats/subtitle-speakers.ts): "NAME:" at the start of the turn's
// first cue. (A bare ">>" is not read as a change of speaker, and ">> NAME:" keeps the ">>" in the name.) No
// sentence has a colon of its own, so no words are mistaken for a label.
import { seededRandom } from "./seeded-random";

export interface CaptionFile {
  /** The .srt file's text. */
  text: string;
  cues: number;
  words: number;
  speakers: string[];
  /** Silences longer than 10 s. */
  longPauses: number;
  durationMs: number;
}

type Role = "moderator" | "official" | "reporter";

/** In the order they join: three speakers take the first three, five take all of them. */
const PEOPLE: { label: string; role: Role; called: string }[] = [
  { label: "MODERATOR", role: "moderator", called: "" },
  { label: "MINISTER ÅSA LINDQVIST", role: "official", called: "Minister" },
  { label: "ZOË KOWALCZYK (Gazeta Wyborcza)", role: "reporter", called: "Zoë" },
  { label: "DR. JOÃO PEREIRA", role: "official", called: "Dr. Pereira" },
  { label: "SØREN ØSTERGÅRD (Politiken)", role: "reporter", called: "Søren" },
];

const PLACES = ["Tromsø", "Kraków", "Malmö", "Łódź", "Reykjavík", "Ærøskøbing", "Győr", "Çanakkale", "Zürich"];
const NAMES = [
  "Nguyễn Thị Lan",
  "Björk Guðmundsdóttir",
  "François Lefèvre",
  "Małgorzata Wójcik",
  "Ștefan Dumitrescu",
  "Aoife Ní Bhriain",
  "Ahmet Yılmaz",
  "Jürgen Weiß",
];
const BODIES = ["the water authority", "the Ombudsman's office", "the Red Cross", "the audit office", "the insurers"];
const MONTHS = ["January", "March", "April", "June", "September", "November"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Words a second: about 160 a minute, a brisk speaker's pace. */
const WORDS_PER_SECOND = 2.7;
const LINE_CHARACTERS = 42;
const MIN_CUE_MS = 1_500;
const MAX_CUE_MS = 6_000;
const LONG_PAUSE_SHARE = 0.03;

export function pressConferenceCaptions({ minutes, seed }: { minutes: number; seed: number }): CaptionFile {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const decimal = (low: number, high: number) => (low + random() * (high - low)).toFixed(1);
  const thousands = () => `${int(1, 14)},${String(int(0, 999)).padStart(3, "0")}`;

  const people = PEOPLE.slice(0, 3 + Math.floor(random() * 3));
  const moderator = people[0]!;
  const officials = people.filter((person) => person.role === "official");
  const reporters = people.filter((person) => person.role === "reporter");

  const statement = (): string =>
    pick([
      () =>
        `The repairs to the ${pick(PLACES)} embankment will cost €${decimal(1, 40)} million, ` +
        `of which ${int(10, 90)}% comes from the national budget.`,
      () =>
        `Since ${pick(WEEKDAYS)}, ${thousands()} households have received a first payment ` +
        `of €${int(2, 9)},${String(int(0, 999)).padStart(3, "0")}.`,
      () => `I spoke with ${pick(NAMES)} in ${pick(PLACES)} this morning, and the pumps there are running again.`,
      () => `We expect the report from ${pick(BODIES)} by ${int(1, 28)} ${pick(MONTHS)} ${int(2025, 2027)}.`,
      () =>
        `Of the ${int(120, 900)} schools that closed, ${int(20, 110)} are still shut, most of them near ${pick(PLACES)}.`,
      () =>
        `The river peaked at ${decimal(3, 9)} metres on ${pick(WEEKDAYS)}, ` +
        `${decimal(0.2, 2)} metres above the record of 2011.`,
      () => "That is a fair question, and I will not pretend that the answer is simple.",
      () => "Let me be very clear about this, nobody will be left to pay for the damage alone.",
      () => `${pick(NAMES)} and her team have worked through the night for ${int(3, 12)} days.`,
      () => `Phase ${int(2, 4)} of the plan covers ${int(12, 60)} kilometres of road and ${int(3, 25)} bridges.`,
      () => `About ${thousands()} people are still in temporary housing, ${int(300, 900)} fewer than last week.`,
      () =>
        `The Commission has promised €${decimal(5, 90)} million, and the first ${int(10, 40)}% arrives in ${pick(MONTHS)}.`,
    ])();
  const question = (): string =>
    pick([
      () => `Can you confirm that ${int(10, 60)}% of the claims in ${pick(PLACES)} are still unpaid?`,
      () => `Why did it take ${int(2, 9)} days to open the shelter in ${pick(PLACES)}?`,
      () => `${pick(NAMES)} told us yesterday that the warning came too late. Is she wrong?`,
      () => `How much of the €${decimal(1, 40)} million has actually been spent so far?`,
      () => `Will you publish the engineers' report from ${pick(MONTHS)} ${int(2019, 2023)} in full?`,
      () => `Who decided to close the road to ${pick(PLACES)} on ${pick(WEEKDAYS)} night, and why?`,
      () => `Is it true that ${pick(BODIES)} warned the ministry ${int(2, 6)} times last year?`,
    ])();
  const moderatorLine = (): string =>
    pick([
      () => `Thank you. Next question, please. ${pick(reporters).called}, go ahead.`,
      () => "Please wait for the microphone before you ask your question.",
      () => `We have about ${int(10, 30)} minutes left, so one question each, please.`,
      () => "Could we keep follow-up questions short, please? Thank you.",
    ])();
  const sentences = (count: number, make: () => string) => Array.from({ length: count }, make).join(" ");

  const durationMs = Math.round(minutes * 60_000);
  const blocks: string[] = [];
  let clock = 2_000;
  let words = 0;
  let longPauses = 0;

  /** Cuts one turn into cues at the file's clock; answers false once the file is long enough. */
  const say = (speaker: string, text: string): boolean => {
    const turnWords = text.split(/\s+/).filter(Boolean);
    let label: string | null = `${speaker}:`;
    while (turnWords.length > 0) {
      if (clock >= durationMs) return false;
      const wanted = Math.max(
        2,
        Math.round(((MIN_CUE_MS + random() * (MAX_CUE_MS - MIN_CUE_MS)) / 1_000) * WORDS_PER_SECOND),
      );
      const lines: string[] = [label ?? ""];
      let taken = 0;
      while (taken < wanted && turnWords.length > 0) {
        const word = turnWords[0]!;
        const line = lines.at(-1)!;
        const joined = line ? `${line} ${word}` : word;
        if (joined.length <= LINE_CHARACTERS) lines[lines.length - 1] = joined;
        else if (lines.length < 2 && line) lines.push(word);
        else break;
        turnWords.shift();
        taken++;
      }
      if (taken === 0) {
        // A label too long to share its line: it gets the first line to itself.
        lines.push(turnWords.shift()!);
        taken = 1;
      }
      label = null;
      words += taken;
      const spoken = (taken / WORDS_PER_SECOND) * 1_000 * (0.9 + random() * 0.2);
      const length = Math.round(Math.min(MAX_CUE_MS, Math.max(MIN_CUE_MS, spoken)));
      blocks.push(`${blocks.length + 1}\n${timing(clock)} --> ${timing(clock + length)}\n${lines.join("\n")}\n`);
      clock += length + int(40, 300);
    }
    // Between turns: a breath, or now and then a long silence (a technical problem, a speaker leaving the room).
    if (random() < LONG_PAUSE_SHARE) {
      clock += int(10_500, 40_000);
      longPauses++;
    } else {
      clock += int(200, 1_200);
    }
    return clock < durationMs;
  };

  let going =
    say(
      moderator.label,
      `Good morning and welcome to this briefing on the flood recovery in ${pick(PLACES)}. ` +
        "The minister will make a statement, and then we take your questions. Please wait for the microphone.",
    ) && say(officials[0]!.label, sentences(int(14, 24), statement));
  if (going && officials[1]) going = say(officials[1].label, sentences(int(6, 10), statement));
  if (going) going = say(moderator.label, "We will now take your questions.");
  while (going) {
    const reporter = pick(reporters);
    going = say(reporter.label, sentences(int(1, 3), question));
    if (going) going = say(pick(officials).label, sentences(int(3, 12), statement));
    if (going && random() < 0.3) {
      going = say(reporter.label, sentences(int(1, 2), question));
      if (going) going = say(pick(officials).label, sentences(int(2, 6), statement));
    }
    if (going && random() < 0.35) going = say(moderator.label, moderatorLine());
  }
  return {
    text: blocks.join("\n"),
    cues: blocks.length,
    words,
    speakers: people.map((person) => person.label),
    longPauses,
    durationMs: clock,
  };
}

/** 00:01:02,345 */
function timing(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1_000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)},${pad(ms % 1_000, 3)}`;
}
