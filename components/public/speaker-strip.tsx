import Link from "next/link";
import { speakerPath } from "@/lib/discovery/params";
import type { SpeakerSummary } from "@/lib/discovery/queries";

/** The speakers in the most transcripts, as a row of links to their pages. */
export function SpeakerStrip({ speakers }: { speakers: SpeakerSummary[] }) {
  return (
    <ul className="mt-4 flex flex-wrap gap-2" data-testid="speaker-strip">
      {speakers.map((speaker) => (
        <li key={speaker.slug} className="min-w-0">
          <Link
            href={speakerPath(speaker.slug)}
            className="inline-block max-w-full rounded-full border border-stone-300 bg-white px-3 py-1 text-sm [overflow-wrap:anywhere] hover:border-accent hover:text-accent"
          >
            {speaker.name}
            <span className="text-stone-700">
              {" "}
              · {speaker.transcriptCount} {speaker.transcriptCount === 1 ? "transcript" : "transcripts"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
