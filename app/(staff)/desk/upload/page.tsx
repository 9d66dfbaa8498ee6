import type { Metadata } from "next";
import { UploadWorkspace } from "@/components/upload/upload-workspace";
import { requireUser } from "@/lib/auth/session";
import { maxIngestBytes } from "@/lib/ingest";

export const metadata: Metadata = { title: "Upload" };

export default async function UploadPage() {
  await requireUser({ role: "REPORTER" });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-serif text-3xl font-bold">Upload a transcript</h1>
        <p className="mt-1 max-w-3xl text-stone-700">
          Verbatim removes what is not speech (page footers, subtitle markup, repeated captions), finds the speakers,
          the date and the people and places mentioned, and shows you the result before anything is saved. The original
          file is kept exactly as uploaded.
        </p>
      </div>
      <UploadWorkspace maxBytes={maxIngestBytes()} />
    </div>
  );
}
