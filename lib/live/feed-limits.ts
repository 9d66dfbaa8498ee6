// Limits of the live caption feed, shared by the request reader and the writer.

/** At most this many cues in one request: a recogniser sends a few a second. */
export const MAX_CUES_PER_REQUEST = 1_000;
/** At most this many characters in one cue. */
export const MAX_CUE_CHARACTERS = 5_000;
