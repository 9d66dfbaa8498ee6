import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TranscriptReader } from "@/components/reader/transcript-reader";
import { requireUser } from "@/lib/auth/session";
import { loadPreview } from "@/lib/publishing/desk";

// The working copy, read per request for the person previewing it: never cached, never public.
export const dynamic = "force-dynamic";

const load = cache(loadPreview);

export async function generateMetadata({ params }: PageProps<"/desk/transcripts/[id]/preview">): Promise<Metadata> {
  const user = await requireUser();
  const transcript = await load(user, (await params).id);
  return { title: transcript ? `Preview: ${transcript.title}` : "Transcript not found", robots: { index: false } };
}

export default async function PreviewPage({ params, searchParams }: PageProps<"/desk/transcripts/[id]/preview">) {
  const user = await requireUser();
  const { id } = await params;
  const transcript = await load(user, id);
  if (!transcript) notFound(); // missing, or not this user's to see: the same answer either way
  // A long transcript is previewed in the parts its reading page will have (lib/publishing/parts.ts).
  const asked = Number((await searchParams).part);
  const part = Number.isInteger(asked) && asked >= 1 && asked <= transcript.partStarts.length ? asked : 1;
  return (
    <div className="flex flex-col gap-6">
      <p
        className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        data-testid="preview-banner"
      >
        Preview of the working copy: readers see only what an editor has published.{" "}
        <Link className="font-medium underline underline-offset-2" href={`/desk/transcripts/${id}/publish`}>
          Review &amp; publish
        </Link>
      </p>
      <TranscriptReader
        transcript={transcript}
        part={part}
        linkToPart={(number) => `/desk/transcripts/${id}/preview?part=${number}`}
        followMissingParagraphs={false}
        isPreview
      />
    </div>
  );
}
