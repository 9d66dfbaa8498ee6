// Slugs for names shared across transcripts: speaker, topic and author pages.
import slugify from "slugify";

/**
 * A readable, stable slug for a person's or topic's name, shared across transcripts: "Jens Stoltenberg" →
 * "jens-stoltenberg", "Владимир Путин" → "vladimir-putin". A name with no Latin transliteration (Chinese, say) keeps
 * its own letters.
 */
export function nameSlug(name: string): string {
  const slug = slugify(name, { lower: true, strict: true, locale: "en", trim: true });
  if (slug) return slug.slice(0, 80);
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
