import "server-only";
import { invalidatePages, pageStore } from "./pageStore";

/**
 * Called after a change to public content commits (a document, service or notice): this
 * instance's cached pages are dropped at once. Other instances keep theirs for at most the
 * page TTL (1 s), so no instance shows a page older than that.
 */
export function contentChanged(): void {
  invalidatePages(pageStore());
}
