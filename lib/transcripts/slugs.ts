import slugify from "slugify";

const MAX_SLUG_LENGTH = 80;

/** A readable URL slug: lower case ASCII words joined by hyphens, cut at a word boundary. */
export function slugFromTitle(title: string): string {
  const slug = slugify(title, { lower: true, strict: true, locale: "en", trim: true });
  if (!slug) return "transcript";
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}

/** The first of slug, slug-2, slug-3… not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
