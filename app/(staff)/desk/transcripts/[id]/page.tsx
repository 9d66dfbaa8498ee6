import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TranscriptEditor } from "@/components/editor/transcript-editor";
import { requireUser } from "@/lib/auth/session";
import { loadEditorBootstrap } from "@/lib/editor/queries";

// The title and the page read the same bootstrap: one load per request.
const loadBootstrap = cache(loadEditorBootstrap);

export async function generateMetadata({ params }: PageProps<"/desk/transcripts/[id]">): Promise<Metadata> {
  const user = await requireUser(); // metadata renders alongside the page: it must not read a draft for a stranger either
  const bootstrap = await loadBootstrap(user, (await params).id);
  return { title: bootstrap?.transcript.title ?? "Transcript not found" };
}

export default async function TranscriptEditorPage({ params }: PageProps<"/desk/transcripts/[id]">) {
  const user = await requireUser();
  const bootstrap = await loadBootstrap(user, (await params).id);
  if (!bootstrap) notFound(); // missing, or not this user's to see: the same answer either way
  return <TranscriptEditor initial={bootstrap} />;
}
