import type { PrismaClient } from "../../lib/db/generated/client";
import { rebuildSearchIndex } from "../../lib/search/index";
import type { TLog } from "./batches";

/** Rebuilds the search index over the generated rows, logging progress every two seconds. */
export async function rebuildSearchIndexLogged(prisma: PrismaClient, log: TLog): Promise<number> {
  const started = Date.now();
  let lastLog = 0;
  const indexed = await rebuildSearchIndex({
    db: prisma,
    onProgress: (done, total) => {
      if (Date.now() - lastLog < 2000 && done < total) return;
      lastLog = Date.now();
      log(`  search index ${done.toLocaleString("en")}/${total.toLocaleString("en")}`);
    },
  });
  log(
    `  search index rebuilt: ${indexed.toLocaleString("en")} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return indexed;
}
