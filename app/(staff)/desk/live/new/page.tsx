import type { Metadata } from "next";
import { StartLiveForm } from "@/components/staff/start-live-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Start a live transcript" };

export default async function StartLivePage() {
  await requireUser({ role: "REPORTER" });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-serif text-3xl font-bold">Start a live transcript</h1>
        <p className="mt-1 max-w-3xl text-stone-700">
          For an event happening now: a debate, a speech, a press conference. Its paragraphs arrive from a caption feed
          while you correct, attribute and annotate the ones already final. It stays a draft, seen only by the desk.
        </p>
      </div>
      <StartLiveForm />
    </div>
  );
}
