// What a page's bytes are made of: the inline React Server Components payload (`self.__next_f.push(…)` scripts,
// which carry every server-rendered element a second time for hydration), JSON-LD, other inline scripts, and the
// HTML itself. `npm run bench:public` prints it for the reading page; lib-free so the benchmark can load it alone.

export interface PageWeight {
  total: number;
  rscPayload: number;
  jsonLd: number;
  otherScripts: number;
  html: number;
  /** How many times each class attribute value occurs, most bytes first (the first ten). */
  heaviestClasses: { value: string; count: number; bytes: number }[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

export function pageWeight(html: string): PageWeight {
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  let rscPayload = 0;
  let jsonLd = 0;
  let otherScripts = 0;
  for (const match of html.matchAll(SCRIPT)) {
    const [whole, attributes = "", body = ""] = match;
    if (body.startsWith("self.__next_f.push")) rscPayload += bytes(whole);
    else if (/type="application\/ld\+json"/.test(attributes)) jsonLd += bytes(whole);
    else otherScripts += bytes(whole);
  }
  const total = bytes(html);
  const classes = new Map<string, number>();
  for (const match of html.matchAll(/class="([^"]*)"/g)) classes.set(match[1]!, (classes.get(match[1]!) ?? 0) + 1);
  const heaviestClasses = [...classes]
    .map(([value, count]) => ({ value, count, bytes: count * bytes(value) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);
  return { total, rscPayload, jsonLd, otherScripts, html: total - rscPayload - jsonLd - otherScripts, heaviestClasses };
}
