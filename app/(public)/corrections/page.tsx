import type { Metadata } from "next";
import Link from "next/link";
import { getPublicCorrections } from "@/lib/publishing/public-queries";

// Rendered once and served from the cache; every correction expires it (lib/publishing/cache.ts).
export const dynamic = "force-static";
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every correction to a published transcript, newest first: what it said, what it says now, and why.",
  alternates: { canonical: "/corrections" },
};

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export default async function CorrectionsPage() {
  const page = await getPublicCorrections(1);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="font-serif text-4xl font-bold tracking-tight">Corrections</h1>
        <p className="mt-3 text-stone-700">
          When we get a word wrong, we correct it in the transcript, show the change at the passage, and list it here.
        </p>
      </header>
      {page.items.length === 0 ? (
        <p className="text-stone-700">No corrections so far.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-stone-200" data-testid="corrections-page-list">
          {page.items.map((correction) => (
            <li key={correction.id} className="py-4">
              <article aria-label={`Correction to ${correction.transcript.title}`}>
                <h2 className="font-serif text-lg font-semibold [overflow-wrap:anywhere]">
                  <Link href={`${correction.transcript.path}#correction-${correction.id}`} className="hover:underline">
                    {correction.transcript.title}
                  </Link>
                </h2>
                <p className="text-sm text-stone-700">
                  <time dateTime={correction.at}>{formatDate(correction.at)}</time>
                </p>
                <p className="mt-2 [overflow-wrap:anywhere]">
                  <span className="font-medium">It said:</span> <del>{correction.before}</del>
                </p>
                <p className="mt-1 [overflow-wrap:anywhere]">
                  <span className="font-medium">It now says:</span>{" "}
                  <ins className="no-underline">{correction.after}</ins>
                </p>
                <p className="mt-1 text-stone-800">
                  <span className="font-medium">Why:</span> {correction.reason}
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
