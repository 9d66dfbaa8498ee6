// Who speaks. The rules live in lib/ingest/conventions: one module per speaker convention (how to recognise it, how
// to read its labels), the name logic (names.ts), its word lists (words.ts) and the directory that joins the
// spellings and short forms of one person (directory.ts). This module is the stable entry point the other stages use.
export { SpeakerDirectory, type ResolvedSpeakers } from "./conventions/directory";
export { displayName, isPersonName, speakerFromTitle, speakerFromVoice, splitTitleAndName } from "./conventions/names";
export { parseSpeakerLabel, type SpeakerLabel } from "./conventions/plain-labels";
