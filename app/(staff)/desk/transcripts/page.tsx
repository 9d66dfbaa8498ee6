import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, DataTableCell, DataTableRow } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { FIDELITY_LABELS, STATUS_LABELS } from "@/lib/format/labels";
import { deskTranscriptPath } from "@/lib/publishing/desk-links";
import { listDeskTranscripts } from "@/lib/transcripts/queries";

export const metadata: Metadata = { title: "Transcripts" };

export default async function TranscriptsPage() {
  const user = await requireUser();
  const transcripts = await listDeskTranscripts(user);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Transcripts</h1>
        <Link href="/desk/upload" className={buttonClasses("primary")}>
          Upload
        </Link>
      </div>
      {transcripts.length === 0 ? (
        <p className="text-stone-600">
          No transcripts yet.{" "}
          <Link href="/desk/upload" className="text-accent underline">
            Upload the first one
          </Link>
          .
        </p>
      ) : (
        <DataTable columns={["Title", "Status", "Event date", "Words", "Uploaded"]} caption="Transcripts, newest first">
          {transcripts.map((transcript) => (
            <DataTableRow key={transcript.id} data-testid="transcript-row">
              <DataTableCell className="[overflow-wrap:anywhere]">
                <Link href={deskTranscriptPath(user, transcript)} className="font-medium text-ink hover:text-accent">
                  {transcript.title}
                </Link>
                <div className="text-xs text-stone-600">
                  {transcript.sourceFiles[0]?.format.toUpperCase()} · {FIDELITY_LABELS[transcript.fidelity]}
                </div>
              </DataTableCell>
              <DataTableCell>{STATUS_LABELS[transcript.status]}</DataTableCell>
              <DataTableCell className="sm:whitespace-nowrap">
                {transcript.occurredAt?.toISOString().slice(0, 10) ?? "—"}
              </DataTableCell>
              <DataTableCell>{transcript.wordCount.toLocaleString("en-GB")}</DataTableCell>
              <DataTableCell className="[overflow-wrap:anywhere]">
                <DateTime value={transcript.createdAt} />
                <div className="text-xs text-stone-600">by {transcript.createdBy.name}</div>
              </DataTableCell>
            </DataTableRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}
