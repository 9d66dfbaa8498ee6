import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TranscriptReader } from "@/components/reader/transcript-reader";
import { DateTime } from "@/components/ui/date-time";
import { loadSharedPreview, previewPath } from "@/lib/preview-links/preview-links";
import { getSiteName } from "@/lib/site";

// The working copy, read per request for whoever holds the link: never cached, never indexed (next.config.ts sends
// X-Robots-Tag and Cache-Control: private, no-store for /preview/).
export const dynamic = "force-dynamic";

const load = cache(loadSharedPreview);

export async function generateMetadata({ params }: PageProps<"/preview/[token]">): Promise<Metadata> {
  const preview = await load((await params).token);
  return {
    title: preview ? `Preview: ${preview.transcript.title}` : "Page not found",
    robots: { index: false, follow: false },
    // The token is the key: no Referer carries it to another page, even of this site.
    referrer: "no-referrer",
  };
}

export default async function SharedPreviewPage({ params, searchParams }: PageProps<"/preview/[token]">) {
  const { token } = await params;
  const preview = await load(token);
  if (!preview) notFound(); // unknown, expired or revoked: the same answer as for any missing page
  const { transcript, expiresAt } = preview;
  // A long transcript is previewed in the parts its reading page will have (lib/publishing/parts.ts).
  const asked = Number((await searchParams).part);
  const part = Number.isInteger(asked) && asked >= 1 && asked <= transcript.partStarts.length ? asked : 1;
  return (
    <div className="flex flex-col gap-6">
      <div
        className="rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
        data-testid="preview-link-banner"
      >
        <p className="text-lg font-bold">Not published</p>
        <p className="text-sm">
          This is a preview of a working copy, shared by {getSiteName()} so that you can check it. It may still change;
          please do not share this link. The link expires on <DateTime value={expiresAt} />.
        </p>
      </div>
      <TranscriptReader
        transcript={transcript}
        part={part}
        linkToPart={(number) => `${previewPath(token)}?part=${number}`}
        followMissingParagraphs={false}
        isPreview
      />
    </div>
  );
}
