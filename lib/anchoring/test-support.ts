// Helpers shared by the anchoring tests (and bench:anchoring); not part of the module's API.
import type { Anchor } from "./reanchor";
import { quoteSelector } from "./selectors";

/** An anchor on the `nth` (0-based) occurrence of `words` in `text`; throws when there is no such occurrence. */
export function anchorOn(text: string, words: string, nth = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(words, at + 1);
    if (at === -1) throw new Error(`"${words}" does not occur ${nth + 1} times in "${text}"`);
  }
  const range = { start: at, end: at + words.length };
  return { ...range, quote: quoteSelector(text, range) };
}

/** What an anchor's offsets point at in `text` (an anchor missing from a result list fails the test). */
export function covered(text: string, anchor: { start: number; end: number } | undefined): string {
  if (!anchor) throw new Error("no such anchor");
  return text.slice(anchor.start, anchor.end);
}

/** mulberry32: a tiny seeded generator, so a failure reproduces from its seed (never Math.random). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Varied newsroom prose, one sentence each. */
export const NEWSROOM_SENTENCES = [
  "The minister said the talks in Brussels were productive and would continue next week.",
  "Officials from several capitals disputed that account, saying little progress had been made.",
  "Asked about sanctions, she declined to give a timetable but promised a decision before winter.",
  "Opposition leaders called the announcement a distraction from rising energy prices at home.",
  "A spokesman for the ministry of defence confirmed that two more air-defence systems had arrived.",
  "Analysts in Warsaw and Vilnius warned that the ceasefire proposal left key questions unanswered.",
  "Farmers blocked the border crossing for a third day, demanding compensation for cheap imports.",
  "The central bank held interest rates steady and revised its inflation forecast slightly upward.",
  "Reporters were not allowed to ask questions after the statement, which lasted eleven minutes.",
  "Turnout in the regional elections was the lowest since 1994, according to preliminary figures.",
  "Residents of the eastern districts said shelling had resumed shortly after midnight on Sunday.",
  "The committee will publish its findings in March, a month later than originally planned.",
  "Negotiators have agreed on a framework, but the details of the grain corridor remain disputed.",
  "Human rights groups urged the government to release the journalists detained during the protest.",
  "The summit's final communiqué mentioned climate finance only once, near the end of the text.",
  "Engineers restored power to most of the city by evening, though water supplies remain limited.",
  "His predecessor had promised the same reform twice and delivered neither version of it.",
  "Polling suggests that a majority of voters support membership, though the margin has narrowed.",
  "Customs officers seized a shipment of drones labelled as agricultural equipment at the port.",
  "Teachers' unions said they would strike on Thursday unless the pay offer was improved.",
  "The prosecutor's office opened an investigation into the tender for the new highway.",
  "Diplomats described the mood in the room as tense but said both sides kept talking.",
  "Flights resumed at the airport after a four-hour suspension caused by a suspected drone.",
  "The court postponed the hearing until October, citing the absence of two key witnesses.",
  "Volunteers distributed food and blankets at the railway station throughout the night.",
];
