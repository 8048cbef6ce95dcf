import { DataDirError } from "../lib/db/dataDirLock";
import { requireNode } from "./requireNode";

/**
 * Runs a script's main function on a supported Node: a failure is printed and sets exit code 1,
 * and the process leaves explicitly at the end (an open PGlite keeps a timer alive). A data
 * directory that is in use or damaged is told in words, without a stack trace.
 */
export function runMain(main: () => Promise<void>): void {
  requireNode();
  main()
    .catch((error) => {
      console.error(error instanceof DataDirError ? `[onestop] ${error.message}` : error);
      process.exitCode = 1;
    })
    .finally(() => process.exit());
}
