// `npm run db:migrate`: applies the migrations of the database DATABASE_URL names (SQLite by default, or
// PostgreSQL), as `npm start` does before serving. Exit 0 when the database is up to date, 1 with a sentence if not.
import { migrateDatabase } from "./prepare-database";

migrateDatabase().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Could not migrate the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
