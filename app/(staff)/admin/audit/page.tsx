import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, DataTableCell, DataTableRow } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, listAuditEvents } from "@/lib/audit";
import { describeAuditDetails } from "@/lib/audit-details";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/manage-users";

export const metadata: Metadata = { title: "Audit log" };

const filtersSchema = z.object({
  actor: z.string().max(64).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  await requireUser({ role: "ADMIN" });
  const filters = filtersSchema.parse(await searchParams);
  const [{ events, page, pageCount, total }, users] = await Promise.all([
    listAuditEvents({ actorId: filters.actor, action: filters.action, page: filters.page }),
    listUsers(),
  ]);
  const pageHref = (target: number) => {
    const params = new URLSearchParams();
    if (filters.actor) params.set("actor", filters.actor);
    if (filters.action) params.set("action", filters.action);
    params.set("page", String(target));
    return `/admin/audit?${params}`;
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Audit log</h1>
        <Link href="/admin" className="text-sm font-medium text-accent underline underline-offset-2">
          Staff accounts
        </Link>
      </div>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
        aria-label="Filter events"
      >
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium">
          Who
          <select
            name="actor"
            defaultValue={filters.actor ?? ""}
            className="max-w-full rounded-md border border-stone-300 bg-white px-2 py-2 font-normal"
          >
            <option value="">Everyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium">
          What
          <select
            name="action"
            defaultValue={filters.action ?? ""}
            className="max-w-full rounded-md border border-stone-300 bg-white px-2 py-2 font-normal"
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
        <p className="ml-auto text-sm text-stone-600">{total} events</p>
      </form>
      {events.length === 0 ? (
        <p className="text-stone-600">No events match these filters.</p>
      ) : (
        <DataTable columns={["When", "Who", "What", "Details"]} caption="Audit events, newest first">
          {events.map((event) => (
            <DataTableRow key={event.id} data-testid="audit-row">
              <DataTableCell className="py-2 sm:whitespace-nowrap">
                <DateTime value={event.at} />
              </DataTableCell>
              <DataTableCell className="py-2 [overflow-wrap:anywhere]">
                {event.actor ? event.actor.name : <span className="text-stone-600">System</span>}
              </DataTableCell>
              <DataTableCell className="py-2" data-testid="audit-action">
                {AUDIT_ACTION_LABELS[event.action as keyof typeof AUDIT_ACTION_LABELS] ?? event.action}
              </DataTableCell>
              <DataTableCell className="py-2 text-stone-700 [overflow-wrap:anywhere]" data-testid="audit-details">
                {event.transcript ? (
                  <Link
                    href={`/desk/transcripts/${event.transcript.id}`}
                    className="font-medium text-accent underline underline-offset-2"
                  >
                    {event.transcript.title}
                  </Link>
                ) : null}
                <AuditDetailList
                  details={event.details}
                  // The link already shows the title, when it has not changed since.
                  omit={event.transcript?.title === event.details.title ? ["title"] : []}
                />
              </DataTableCell>
            </DataTableRow>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
        {page > 1 ? (
          <Link href={pageHref(page - 1)} className="text-accent underline">
            Newer
          </Link>
        ) : null}
        <span className="text-stone-600">
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? (
          <Link href={pageHref(page + 1)} className="text-accent underline">
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

/** Details as labelled lines ("To: Editor", "Reason: …"), not raw JSON keys and stored enum names. */
function AuditDetailList({ details, omit }: { details: Record<string, unknown>; omit: string[] }) {
  const lines = describeAuditDetails(details).filter((line) => !omit.includes(line.key));
  if (lines.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
      {lines.map((line) => (
        <div key={line.key} className="contents">
          <dt className="text-stone-600">{line.label}</dt>
          <dd className="min-w-0">{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}
