// The editor's JSON shapes: what GET /api/transcripts/:id and the editor's routes answer, and what the desk's
// editor page starts from. Enum values are lower-case words in JSON ("needs_review", "factcheck").

export const ANNOTATION_KINDS = ["note", "context", "factcheck", "quote"] as const;
export type AnnotationKindName = (typeof ANNOTATION_KINDS)[number];

export const VERDICTS = ["accurate", "misleading", "false", "unverifiable", "needs_context"] as const;
export type VerdictName = (typeof VERDICTS)[number];

export const SPEAKER_ROLE_NAMES = ["moderator", "questioner", "official", "speaker"] as const;
export type SpeakerRoleName = (typeof SPEAKER_ROLE_NAMES)[number];

export const ENTITY_TYPE_NAMES = ["person", "org", "place", "topic"] as const;
export type EntityTypeName = (typeof ENTITY_TYPE_NAMES)[number];

export const FIDELITY_NAMES = ["verbatim", "clean_read", "machine", "human_verified"] as const;
export type FidelityName = (typeof FIDELITY_NAMES)[number];

export interface PersonRef {
  id: string;
  name: string;
}

export interface EditorSpeaker {
  id: string;
  name: string;
  title: string | null;
  role: SpeakerRoleName | null;
  outlet: string | null;
  /** The linked person entity (Entity id), if any. */
  personId: string | null;
  personName: string | null;
}

export interface EditorSegment {
  id: string;
  /** 0-based index among the transcript's live paragraphs. */
  position: number;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  version: number;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
}

export interface QuoteSelectorJson {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface SourceLink {
  url: string;
  title?: string;
}

export interface EditorReply {
  id: string;
  body: string;
  author: PersonRef;
  createdAt: string;
}

export interface EditorAnnotation {
  id: string;
  segmentId: string;
  start: number;
  end: number;
  quote: QuoteSelectorJson;
  status: "anchored" | "needs_review";
  /** Why it needs review: deleted, partly_deleted, moved, ambiguous, split, trimmed (lib/anchoring's rule). */
  reviewReason: string | null;
  kind: AnnotationKindName;
  /** Markdown; rendered without raw HTML. */
  body: string;
  verdict: VerdictName | null;
  claim: string | null;
  sources: SourceLink[];
  checker: string | null;
  resolved: boolean;
  resolvedAt: string | null;
  author: PersonRef;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** A reporter's public note added or changed while the transcript is live: readers see it once an editor approves. */
  awaitingApproval: boolean;
  replies: EditorReply[];
}

/** An entity mention an edit moved or cut, waiting in "Needs review" (lib/editor/mentions.ts). */
export interface EditorReviewMention {
  id: string;
  segmentId: string;
  /** The entity as this transcript uses it (TranscriptEntity id). */
  entity: { id: string; name: string; type: EntityTypeName };
  /** The words and their context when it went to review. */
  quote: QuoteSelectorJson;
  reviewReason: string | null;
}

/** A place a person might re-attach an annotation or mention to, best first (GET …/candidates). */
export interface ReviewCandidate {
  segmentId: string;
  /** 1-based number of the paragraph among the live ones, as the editor shows it. */
  paragraph: number;
  start: number;
  end: number;
  exact: string;
  /** Up to 40 characters of the paragraph either side, to read the place in context. */
  before: string;
  after: string;
  /** 0–1: how well the words and their context match the old ones. */
  score: number;
}

export interface EditorEntity {
  /** The TranscriptEntity id (the entity as this transcript uses it). */
  id: string;
  /** The shared Entity id, the same in every transcript. */
  entityId: string;
  type: EntityTypeName;
  name: string;
  status: "suggested" | "accepted" | "rejected";
  mentionCount: number;
}

export interface EditorTranscriptMeta {
  /** Taking captions from a live feed (POST /api/transcripts/:id/live/cues): the editor syncs every second. */
  live: boolean;
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  /** YYYY-MM-DD */
  occurredAt: string | null;
  place: string | null;
  sourceUrl: string | null;
  mediaUrl: string | null;
  fidelity: FidelityName;
  tags: string[];
  status: "draft" | "in_review" | "scheduled" | "live" | "published" | "unpublished";
  language: string | null;
  /** Version of these fields (title…tags): a metadata save names it as baseVersion. */
  version: number;
  /** The latest revision number: every saved change adds one. */
  revision: number;
  /** Live paragraphs in the whole transcript (the page may hold fewer). */
  segmentCount: number;
  ownerId: string;
  /** Who confirmed the fidelity label readers will see, and when; null until a person has. */
  fidelityConfirmed: { by: string | null; at: string } | null;
  /** The slug changes with the title: until someone types one, and until the first publication. */
  slugFollowsTitle: boolean;
}

export interface EditorViewer {
  id: string;
  name: string;
  role: "ADMIN" | "EDITOR" | "REPORTER";
}

/** What the editor page renders from; later pages of paragraphs come from GET /api/transcripts/:id?from=&take=. */
export interface EditorBootstrap {
  transcript: EditorTranscriptMeta;
  speakers: EditorSpeaker[];
  segments: EditorSegment[];
  /** Every annotation of the transcript (anchored and needing review), notes included: the desk is staff-only. */
  annotations: EditorAnnotation[];
  entities: EditorEntity[];
  /** Entity mentions waiting for a person (moved or cut by an edit). */
  mentionsNeedingReview: EditorReviewMention[];
  viewer: EditorViewer;
  /** The original upload, for the sidebar; null for a transcript made without one. */
  source?: EditorSource | null;
  /** Recently deleted paragraphs (newest first), which can be restored. */
  deletedSegments?: { id: string; text: string; deletedAt: string }[];
}

export interface EditorSource {
  id: string;
  filename: string;
  format: string;
  encoding: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  removed: { id: number; line: number; text: string; reason: string }[];
  restored: number[];
  warnings: string[];
}

/** A colleague with the transcript open (POST /api/transcripts/:id/presence). */
export interface PresenceEntry {
  userId: string;
  name: string;
  segmentId: string | null;
}

/** The presence heartbeat's answer: who is here, and what changed since the caller's `sinceRevision`. */
/** How a live transcript's caption feed is doing (lib/live/health.ts computes it). */
export interface FeedHealth {
  /** ISO time of the last cue, or null before the first. */
  lastCueAt: string | null;
  /** Cues received in the last minute. */
  cuesPerMinute: number;
  /** The longest time between two cues (or from the last cue to now) within the last ten minutes, in milliseconds. */
  longestGapMs: number;
  /** Cues received since the transcript went live. */
  received: number;
}

/** What the desk's Live panel shows: the words still being heard, and the feed's health (lib/live/feed.ts). */
export interface LiveStatus {
  tail: { speaker: string | null; text: string } | null;
  health: FeedHealth;
}

export interface PresenceResponse {
  people: PresenceEntry[];
  revision: number;
  /** A live transcript's feed: the words still being heard and its health (added by the presence route). */
  live?: LiveStatus;
  /** Present when revision > sinceRevision: paragraphs changed or added since (live ones), and ids deleted since. */
  changes?: {
    segments: EditorSegment[];
    deletedSegmentIds: string[];
    /** Live paragraphs now: an editor holding part of them tells a changed one it has not loaded from a new one. */
    segmentCount: number;
    speakers: EditorSpeaker[];
    annotations: EditorAnnotation[];
    /** Annotations deleted since (soft): an open editor drops them. */
    deletedAnnotationIds: string[];
    /** Every entity mention now waiting for review (the whole list: it is short). */
    mentionsNeedingReview: EditorReviewMention[];
  };
}

/** 409 body when a save names a stale version. */
export interface ConflictBody {
  error: {
    code: "CONFLICT";
    message: string;
    current: { segment: EditorSegment; by: PersonRef | null; at: string | null };
  };
}
