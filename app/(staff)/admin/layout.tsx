import type { ReactNode } from "react";
import { StaffShell } from "@/components/staff/staff-shell";
import { requireUser } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ role: "ADMIN" });
  return <StaffShell user={user}>{children}</StaffShell>;
}
