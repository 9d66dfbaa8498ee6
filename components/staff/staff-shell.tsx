import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { STAFF_NAV } from "@/components/staff/staff-nav";
import type { StaffUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/permissions";
import { getSiteName } from "@/lib/site";

import { ROLE_LABELS } from "@/components/admin/role-select";

export function StaffShell({ user, children }: { user: StaffUser; children: ReactNode }) {
  const items = STAFF_NAV.filter((item) => hasRole(user, item.minimumRole));
  return (
    <div className="flex min-h-screen flex-col bg-stone-50">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/desk" className="font-serif text-xl font-bold">
            {getSiteName()} <span className="text-sm font-normal text-stone-600">desk</span>
          </Link>
          <nav aria-label="Desk" className="flex-1">
            <ul className="flex flex-wrap gap-1 text-sm font-medium">
              {items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="rounded-md px-3 py-1.5 text-stone-700 hover:bg-stone-100 hover:text-ink"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <Link
              href="/desk/account"
              className="min-w-0 text-stone-700 [overflow-wrap:anywhere] hover:text-accent"
              data-testid="account-link"
            >
              {user.name} <span className="text-stone-600">· {ROLE_LABELS[user.role]}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
