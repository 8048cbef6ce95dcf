import "server-only";
import { registerPageGate } from "./pageGate";
import { accessCodeWait } from "./accessCodes";
import { countAttempt, flushLoadCounts, TooManyRequestsError } from "./throttle";
import { openedClient } from "../db/client";

/** Hands proxy.ts the limits it applies before rendering a page (lib/throttle/pageGate.ts). */
export function servePageGate(): void {
  registerPageGate({
    accessCode: ({ trackingNumber, address }) =>
      accessCodeWait({
        trackingNumber,
        address,
        entityType: trackingNumber.startsWith("GK")
          ? "DisclosureRequest"
          : trackingNumber.startsWith("XJ")
            ? "Letter"
            : "Application",
      }),
    search: async ({ address }) => {
      try {
        await countAttempt({ limit: "search", key: address });
        return 0;
      } catch (error) {
        if (error instanceof TooManyRequestsError) return error.retryAfterSeconds;
        throw error;
      }
    },
    beforeStop: async () => {
      // only a client the process has opened has counts to add
      const db = openedClient();
      if (db) await flushLoadCounts({ db: await db });
    },
  });
}
