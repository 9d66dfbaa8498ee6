// Spawned by lib/db.test.ts: another process writing to the same SQLite file, as `npm run ingest` does while the
// web server runs. Each transaction reads, pauses, then writes: the pattern SQLite refuses under a deferred BEGIN.
import { db } from "@/lib/db";

const [label = "writer", rounds = "20"] = process.argv.slice(2);

async function main() {
  for (let round = 0; round < Number(rounds); round++) {
    await db.$transaction(async (tx) => {
      const seen = await tx.auditEvent.count({ where: { action: "setup.completed" } });
      await new Promise((resolve) => setTimeout(resolve, 3));
      await tx.auditEvent.create({
        data: { action: "setup.completed", targetType: "system", details: JSON.stringify({ label, round, seen }) },
      });
    });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message.split("\n").at(-1) : String(error));
    process.exit(1);
  },
);
