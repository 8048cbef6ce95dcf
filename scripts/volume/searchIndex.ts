import type { PrismaClient } from "../../lib/db/generated/client";
import type { TLog } from "./batches";

type TRebuild = (
  prisma: PrismaClient,
  options?: { onProgress?: (done: number, total: number) => void },
) => Promise<number>;

/**
 * lib/search/index.ts comes from the search branch; until it is merged there is nothing to
 * rebuild. Imported by a computed path so this file type-checks before and after the merge.
 */
export async function rebuildSearchIndexIfPresent(prisma: PrismaClient, log: TLog): Promise<number | null> {
  const modulePath = new URL("../../lib/search/index.ts", import.meta.url).href;
  let rebuild: TRebuild | undefined;
  try {
    rebuild = ((await import(modulePath)) as { rebuildSearchIndex?: TRebuild }).rebuildSearchIndex;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && !/Cannot find module/.test(String(error))) throw error;
  }
  if (!rebuild) {
    log("  search index: lib/search/index.ts (rebuildSearchIndex) is not on this branch yet, skipped");
    return null;
  }
  const started = Date.now();
  let lastLog = 0;
  const indexed = await rebuild(prisma, {
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
