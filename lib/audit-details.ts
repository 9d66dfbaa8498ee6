import { STATUS_LABELS } from "@/lib/format/labels";
import { roleLabel } from "@/lib/format/labels";

/** One detail of an audit event, worded for the admin reading the log. */
export interface AuditDetailLine {
  key: string;
  label: string;
  value: string;
}

const DETAIL_LABELS: Record<string, string> = {
  email: "Email",
  name: "Name",
  role: "Role",
  from: "From",
  to: "To",
  reason: "Reason",
  note: "Note",
  title: "Title",
  filename: "File",
  format: "Format",
  sha256: "SHA-256",
  reissued: "Invitation sent again",
  tokenIds: "Tokens",
  sessions: "Sessions ended",
  tokens: "Tokens revoked",
  address: "Client address",
  revision: "Revision",
  restored: "Restored revision",
};

/** Stored enum values (roles, transcript statuses) as people read them: "EDITOR" becomes "Editor". */
export function readableEnumValue(value: string): string {
  if (value in STATUS_LABELS) return STATUS_LABELS[value as keyof typeof STATUS_LABELS];
  return roleLabel(value);
}

function labelOf(key: string): string {
  if (DETAIL_LABELS[key]) return DETAIL_LABELS[key];
  // camelCase or snake_case key: "restoredLines" reads "Restored lines".
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown): string {
  if (typeof value === "string") return readableEnumValue(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-GB");
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.map(readableEnumValue).join(", ");
  }
  return JSON.stringify(value);
}

/** An audit event's stored details as labelled lines, in the order they were recorded. */
export function describeAuditDetails(details: Record<string, unknown>): AuditDetailLine[] {
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => ({ key, label: labelOf(key), value: valueOf(value) }));
}
