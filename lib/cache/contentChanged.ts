import "server-only";
import { invalidatePages, pageStore } from "./pageStore";
import { announceContentChange } from "./contentChannel";

/**
 * Called after a change to public content commits (a document, service or notice): this
 * instance's cached pages are dropped at once, and on PostgreSQL every other instance's too, by
 * NOTIFY (lib/cache/contentChannel.ts). Were an announcement lost, the others keep theirs for at
 * most the page TTL (1 s), so no instance shows a page older than that.
 */
export function contentChanged(): void {
  invalidatePages(pageStore());
  announceContentChange();
}
