import type { Metadata } from "next";
import Link from "next/link";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { ROLE_LABELS } from "@/components/admin/role-select";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { DataTable, DataTableCell, DataTableRow } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/manage-users";
import { changeRoleAction, inviteUserAction, issueResetAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function AdminUsersPage() {
  const admin = await requireUser({ role: "ADMIN" });
  const users = await listUsers();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Staff accounts</h1>
        <Link href="/admin/audit" className="text-sm font-medium text-accent underline underline-offset-2">
          Audit log
        </Link>
      </div>

      <section aria-labelledby="invite-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="invite-title" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600">
          They get a one-time link, valid for 7 days, to choose their own password.
        </p>
        <InviteUserForm action={inviteUserAction} />
      </section>

      <section aria-labelledby="users-title">
        <h2 id="users-title" className="sr-only">
          All accounts
        </h2>
        <DataTable columns={["Person", "Role", "Status", "Last sign-in", "Actions"]} caption="Staff accounts">
          {users.map((user) => (
            <DataTableRow key={user.id} data-testid={`user-row-${user.email}`}>
              <DataTableCell className="[overflow-wrap:anywhere]">
                <div className="font-medium">{user.name}</div>
                <div className="text-stone-600">{user.email}</div>
              </DataTableCell>
              <DataTableCell>{ROLE_LABELS[user.role]}</DataTableCell>
              <DataTableCell data-testid="user-status">
                {!user.active ? (
                  <span className="rounded bg-stone-200 px-2 py-0.5 text-stone-700">Deactivated</span>
                ) : user.hasAcceptedInvitation ? (
                  <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">Active</span>
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">Invited</span>
                )}
              </DataTableCell>
              <DataTableCell className="sm:whitespace-nowrap">
                <DateTime value={user.lastLoginAt} fallback="Never" />
              </DataTableCell>
              <DataTableCell>
                <UserRowActions
                  user={user}
                  isSelf={user.id === admin.id}
                  changeRole={changeRoleAction}
                  setActive={setActiveAction}
                  issueReset={issueResetAction}
                />
              </DataTableCell>
            </DataTableRow>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
