// Public route parameters, checked before any lookup: a malformed address is a 404 without touching the database.
import { z } from "zod";

const slugSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const idSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export function parseSlug(value: string): string | null {
  const result = slugSchema.safeParse(value);
  return result.success ? result.data : null;
}

export function parseId(value: string): string | null {
  const result = idSchema.safeParse(value);
  return result.success ? result.data : null;
}
