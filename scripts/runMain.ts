import { requireNode } from "./requireNode";

/**
 * Runs a script's main function on a supported Node: a failure is printed and sets exit code 1,
 * and the process leaves explicitly at the end (an open PGlite keeps a timer alive).
 */
export function runMain(main: () => Promise<void>): void {
  requireNode();
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => process.exit());
}
