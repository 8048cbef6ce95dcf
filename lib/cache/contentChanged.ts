import "server-only";
import { invalidatePages, pageStore } from "./pageStore";
import { announceContentChange } from "./contentChannel";
import { dropKeptReads } from "./keptReads";

/**
 * Called after a change to what public pages show commits (a document, service or notice, the
 * site settings, a place, a department): this instance's cached pages and kept reads
 * (lib/cache/keptReads.ts) are dropped at once, and on PostgreSQL every other instance's too, by
 * NOTIFY (lib/cache/contentChannel.ts). Were an announcement lost, the others keep their pages for
 * at most the page TTL (60 s, lib/cache/pagePolicy.ts) and their kept reads for a second.
 */
export function contentChanged(): void {
  invalidatePages(pageStore());
  dropKeptReads();
  announceContentChange();
}
