/**
 * npx tsx scripts/db/rebuild-search.ts: rebuilds the search index from the public items (after a
 * bulk import). Stop the server first when the database is the embedded one (one process per
 * PGlite directory).
 */
import { connect } from "../../lib/db/connect";
import { rebuildSearchIndex } from "../../lib/search/index";
import { runMain } from "../runMain";

async function main() {
  const { prisma, close } = await connect();
  try {
    const started = Date.now();
    let shown = 0;
    const count = await rebuildSearchIndex({
      db: prisma,
      onProgress: (done, total) => {
        if (done - shown >= 10_000 || done === total) {
          shown = done;
          console.log(`  ${done} / ${total}`);
        }
      },
    });
    console.log(`search index: ${count} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await close();
  }
}

runMain(main);
