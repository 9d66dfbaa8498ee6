// Which migrations this PostgreSQL database has applied, read from Prisma's own bookkeeping table.
import type { db } from "@/lib/db";

export async function appliedMigrationsPostgres(client: Pick<typeof db, "$queryRawUnsafe">): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  return rows.map((row) => row.migration_name);
}
