import type { Metadata } from "next";
import Link from "next/link";
import { QueueList } from "@/components/publishing/queue-list";
import { requireUser } from "@/lib/auth/session";
import { loadDeskQueues } from "@/lib/publishing/desk";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage() {
  // Layouts do not re-run on every navigation, so each page checks the session itself too.
  const user = await requireUser();
  const queues = await loadDeskQueues(user);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Good to see you, {user.name.split(" ")[0]}</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/desk/live/new"
            className="rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100"
          >
            Start a live transcript
          </Link>
          <Link
            href="/desk/upload"
            className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            Upload a transcript
          </Link>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {queues.liveNow.length > 0 ? (
          <QueueList id="live" title="Live now" items={queues.liveNow} empty="" when="updated" viewer={user} />
        ) : null}
        {queues.returnedToMe.length > 0 ? (
          <QueueList
            id="returned"
            title="Returned to you"
            items={queues.returnedToMe}
            empty=""
            when="updated"
            viewer={user}
          />
        ) : null}
        <QueueList
          id="waiting"
          title={queues.reviewsEveryone ? "Waiting for review" : "Your transcripts in review"}
          items={queues.waitingForReview}
          empty={queues.reviewsEveryone ? "Nothing is waiting for review." : "You have nothing waiting for an editor."}
          when="updated"
          viewer={user}
        />
        <QueueList
          id="drafts"
          title="Your drafts"
          items={queues.myDrafts}
          empty="No drafts. Upload a transcript to start one."
          when="updated"
          viewer={user}
        />
        <QueueList
          id="scheduled"
          title="Scheduled"
          items={queues.scheduled}
          empty="Nothing is scheduled."
          when="scheduled"
          viewer={user}
        />
        <QueueList
          id="published"
          title="Recently published"
          items={queues.recentlyPublished}
          empty="Nothing has been published yet."
          when="published"
          viewer={user}
        />
      </div>
    </div>
  );
}
