// npm run search:reindex — rebuilds the public index and both full-text indexes from the publications and the
// working copy. Nothing is lost by running it: the index holds no data of its own.
import { rebuildPublicIndex } from "@/lib/publishing/public-index";

rebuildPublicIndex()
  .then((count) => {
    console.log(`Rebuilt the search index: ${count} published transcripts.`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(`Could not rebuild the search index: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
