export { CONTEXT_LENGTH, findQuote, isValidRange, quoteSelector } from "./selectors";
export type { QuoteSelector, TextRange } from "./selectors";
export {
  REVIEW_AMBIGUOUS,
  REVIEW_DELETED,
  REVIEW_MOVED,
  REVIEW_PARTLY_DELETED,
  reanchor,
  reanchorAll,
} from "./reanchor";
export { DIFF_TIMEOUT_MS } from "./runs";
export type { Anchor, AnchorStatus, Reanchored } from "./reanchor";
export { REVIEW_SPLIT, REVIEW_TRIMMED, mergeAnchors, splitAnchors } from "./structure";
export type { MergeResult, Part, SplitResult } from "./structure";
export { wordDiff } from "./diff";
export type { DiffPart } from "./diff";
export { findCandidates } from "./candidates";
export type { Candidate, CandidateOptions } from "./candidates";
