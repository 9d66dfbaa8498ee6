// The search contract: what /search, /desk/search and GET /api/public/transcripts ask for and get back, whatever
// the database.
import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import type { ParsedQuery } from "@/lib/search/query";

export const SEARCH_PAGE_SIZE = 20;
/** Matches are counted up to this many: beyond it the page says "more than 1,000", and counting costs nothing more. */
export const MATCH_COUNT_CAP = 1_000;

export interface SearchFilters {
  /** A speaker page's slug (PublicAppearance.slug): that speaker's paragraphs only. */
  speaker?: string | null;
  /** An entity's slug (PublicTopic.slug, any type): paragraphs of transcripts that have it. */
  topic?: string | null;
  /** A questioner's outlet, exactly as the speaker list names it. */
  outlet?: string | null;
  /** The event's date (or the publication date when unknown), inclusive, as UTC days. */
  from?: Date | null;
  to?: Date | null;
}

export interface SearchRequest extends SearchFilters {
  query: ParsedQuery;
  /** 1-based. */
  page: number;
  pageSize?: number;
}

/** A snippet as text runs: `marked` ones are the words that matched. Rendered as <mark>, or as escaped HTML. */
export interface SnippetRun {
  text: string;
  marked: boolean;
}

export interface PublicSearchHit {
  transcript: {
    id: string;
    slug: string;
    title: string;
    occurredAt: string | null;
    place: string | null;
    publishedAt: string;
  };
  paragraph: {
    /** 1-based: the page's #p-N anchor. */
    number: number;
    speaker: string | null;
    speakerSlug: string | null;
    outlet: string | null;
    startMs: number | null;
  };
  /** "/t/<slug>#p-<number>" */
  path: string;
  snippet: SnippetRun[];
}

export interface SearchPage<Hit> {
  hits: Hit[];
  /** Paragraphs that match, counted up to MATCH_COUNT_CAP. */
  total: number;
  /** There are more than `total`. */
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
}

export interface DeskSearchHit {
  transcript: { id: string; title: string; status: TranscriptStatus; updatedAt: string };
  paragraph: { segmentId: string; speaker: string | null };
  /** The desk editor, scrolled to the paragraph. */
  path: string;
  snippet: SnippetRun[];
}

export interface FacetOption {
  value: string;
  label: string;
  /** Published paragraphs (speakers, outlets) or transcripts (topics) it covers. */
  count: number;
}

export interface SearchFacets {
  speakers: FacetOption[];
  topics: FacetOption[];
  outlets: FacetOption[];
}

/** Staff search over the working copies a person may open. */
export interface DeskSearchRequest {
  query: ParsedQuery;
  status?: TranscriptStatus | null;
  page: number;
  pageSize?: number;
}
