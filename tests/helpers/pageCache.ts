import { freshPage, pageStore, renderOnce } from "@/lib/cache/pageStore";

/** Leaves a copy of a public page in this process's page cache, as an anonymous visitor's request does. */
export async function cachePage(key: string): Promise<void> {
  await renderOnce(
    pageStore(),
    key,
    async () => ({
      status: 200,
      headers: [],
      body: new TextEncoder().encode(key),
      nonceAt: [],
      shareable: true,
    }),
    Date.now,
  );
}

/** Whether this process's page cache still holds a fresh copy at the key (`plain /zh-Hans/notices`). */
export function isCached(key: string): boolean {
  return freshPage(pageStore(), key, Date.now()) !== null;
}
