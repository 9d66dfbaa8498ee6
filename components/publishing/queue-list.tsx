import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { WORKFLOW_ACTION_LABELS } from "@/lib/format/labels";
import type { QueueItem } from "@/lib/publishing/desk";
import { deskTranscriptPath } from "@/lib/publishing/desk-links";
import type { Actor } from "@/lib/permissions";

/** One of the desk home's queues: each transcript with who did what last. */
export function QueueList({
  id,
  title,
  items,
  empty,
  when,
  viewer,
}: {
  id: string;
  title: string;
  items: QueueItem[];
  empty: string;
  /** Which date to show beside each: the last change, the scheduled time, or the publication. */
  when: "updated" | "scheduled" | "published";
  /** Who is looking: an editor's next step for a transcript in review is Review & publish, a reporter's the editor. */
  viewer: Actor;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid={`queue-${id}`}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title} <span className="text-sm font-normal text-stone-700">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100">
          {items.map((item) => {
            const last = item.events[0];
            const date =
              when === "scheduled" ? item.publishAt : when === "published" ? item.firstPublishedAt : item.updatedAt;
            return (
              <li key={item.id} className="py-2 text-sm">
                <Link
                  href={
                    when === "published" || when === "scheduled"
                      ? `/desk/transcripts/${item.id}/publish`
                      : deskTranscriptPath(viewer, item)
                  }
                  className="font-medium text-ink underline-offset-2 hover:underline [overflow-wrap:anywhere]"
                >
                  {item.title}
                </Link>
                <p className="text-stone-700">
                  {item.createdBy.name} · <DateTime value={date} />
                </p>
                {last && (last.action === "returned" || last.action === "submitted") && last.note ? (
                  <p className="mt-1 text-stone-800 [overflow-wrap:anywhere]">
                    {last.actor?.name ?? "Someone"}{" "}
                    {WORKFLOW_ACTION_LABELS[last.action as keyof typeof WORKFLOW_ACTION_LABELS]}: “{last.note}”
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
