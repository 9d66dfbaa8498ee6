import { serializeJsonLd } from "@/lib/publishing/structured-data";

/** Structured data for search engines. serializeJsonLd escapes `<`, so no value can close the element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
