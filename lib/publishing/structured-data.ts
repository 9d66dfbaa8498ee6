// schema.org data for a published transcript: one NewsArticle, and one ClaimReview per fact-check with a verdict,
// so search engines can show the newsroom's verdicts. Serialized for a <script type="application/ld+json">.
import { partOfParagraph, partPath } from "@/lib/publishing/parts";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { VERDICT_LABELS } from "./labels";
import type { PublicByline, PublicPerson } from "./credits";
import type { PublicTranscript, PublishedSpeaker } from "./types";

export interface SiteIdentity {
  name: string;
  /** Absolute origin, without a trailing slash. */
  url: string;
}

type JsonLdValue = string | number | boolean | undefined | JsonLdObject | JsonLdValue[];
export interface JsonLdObject {
  [key: string]: JsonLdValue;
}

/**
 * Verdicts on a 1–5 scale (5 = accurate), so a rating can be compared across fact-checks; "Unverifiable" is not a
 * point on it and carries only its name.
 */
const VERDICT_RATINGS: Record<Verdict, number | undefined> = {
  FALSE: 1,
  MISLEADING: 2,
  NEEDS_CONTEXT: 3,
  ACCURATE: 5,
  UNVERIFIABLE: undefined,
};

function person(speaker: PublishedSpeaker): JsonLdObject {
  return {
    "@type": "Person",
    name: speaker.name,
    jobTitle: speaker.title ?? undefined,
    affiliation: speaker.outlet ? { "@type": "Organization", name: speaker.outlet } : undefined,
  };
}

function organization(site: SiteIdentity): JsonLdObject {
  return { "@type": "Organization", name: site.name, url: site.url };
}

function staffPerson(person: PublicPerson, site: SiteIdentity): JsonLdObject {
  return { "@type": "Person", name: person.name, url: person.path ? `${site.url}${person.path}` : undefined };
}

/** The byline's people: its authors (the newsroom for anyone not named, or when nobody is) and its editor. */
function credits(byline: PublicByline | null, site: SiteIdentity): { author: JsonLdValue; editor?: JsonLdObject } {
  if (!byline) return { author: organization(site) };
  const authors = byline.authors.map((person) => staffPerson(person, site));
  if (byline.newsroomAuthors) authors.push(organization(site));
  return {
    author: authors.length === 1 ? authors[0] : authors,
    editor: byline.editor ? staffPerson(byline.editor, site) : undefined,
  };
}

export function buildTranscriptStructuredData(
  transcript: PublicTranscript,
  site: SiteIdentity,
  byline: PublicByline | null = null,
): JsonLdObject[] {
  const pageUrl = `${site.url}${transcript.path}`;
  const speakers = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker]));
  const paragraphNumbers = new Map(transcript.segments.map((segment, index) => [segment.id, index + 1]));
  const speakerOf = new Map(transcript.segments.map((segment) => [segment.id, segment.speakerId]));

  const article: JsonLdObject = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": pageUrl,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    headline: transcript.title,
    description: transcript.summary ?? undefined,
    datePublished: transcript.publishedAt,
    dateModified: transcript.updatedAt ?? transcript.publishedAt,
    inLanguage: transcript.language ?? undefined,
    isAccessibleForFree: true,
    wordCount: transcript.wordCount,
    keywords: transcript.tags.length > 0 ? transcript.tags.join(", ") : undefined,
    isBasedOn: transcript.sourceUrl ?? undefined,
    about: {
      "@type": "Event",
      name: transcript.title,
      startDate: transcript.occurredAt ?? undefined,
      location: transcript.place ? { "@type": "Place", name: transcript.place } : undefined,
    },
    mentions: transcript.speakers.map(person),
    ...credits(byline, site),
    publisher: organization(site),
  };

  const reviews = transcript.annotations.flatMap((annotation): JsonLdObject[] => {
    if (annotation.kind !== "FACTCHECK" || !annotation.verdict) return [];
    const speakerId = speakerOf.get(annotation.segmentId);
    const speaker = speakerId ? speakers.get(speakerId) : undefined;
    const paragraphNumber = paragraphNumbers.get(annotation.segmentId);
    // On a long transcript, the part of the reading page that holds the paragraph (lib/publishing/parts.ts).
    const partUrl = `${site.url}${partPath(
      transcript.path,
      (paragraphNumber && partOfParagraph(transcript.partStarts, transcript.segments.length, paragraphNumber)) || 1,
    )}`;
    return [
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${partUrl}#note-${annotation.id}`,
        claimReviewed: annotation.claim?.trim() || annotation.exact,
        datePublished: transcript.publishedAt,
        author: organization(site),
        reviewRating: {
          "@type": "Rating",
          alternateName: VERDICT_LABELS[annotation.verdict],
          ratingValue: VERDICT_RATINGS[annotation.verdict],
          bestRating: 5,
          worstRating: 1,
        },
        itemReviewed: {
          "@type": "Claim",
          author: speaker ? person(speaker) : undefined,
          datePublished: transcript.occurredAt ?? undefined,
          appearance: {
            "@type": "CreativeWork",
            url: paragraphNumber ? `${partUrl}#p-${paragraphNumber}` : pageUrl,
          },
        },
      },
    ];
  });

  return [article, ...reviews];
}

/**
 * JSON for inside a <script> element. `<`, `>` and `&` become \u escapes, so no string in the data (a title holding
 * "</script>" or "<!--") can end the element or open a comment; U+2028/2029 are escaped for older JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
