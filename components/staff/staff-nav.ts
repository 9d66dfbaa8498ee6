import type { Role } from "@/lib/permissions";

export interface StaffNavItem {
  href: string;
  label: string;
  minimumRole: Role;
}

// The desk's sections, in order. Later capabilities (review, …) add their entries here.
export const STAFF_NAV: readonly StaffNavItem[] = [
  { href: "/desk", label: "Desk", minimumRole: "REPORTER" },
  { href: "/desk/upload", label: "Upload", minimumRole: "REPORTER" },
  { href: "/desk/transcripts", label: "Transcripts", minimumRole: "REPORTER" },
  { href: "/desk/search", label: "Search", minimumRole: "REPORTER" },
  { href: "/admin", label: "Admin", minimumRole: "ADMIN" },
];
