/** A request's query string as an object for a zod schema; empty values count as absent. */
export function queryParams(url: string | URL): Record<string, string> {
  return Object.fromEntries([...new URL(url).searchParams].filter(([, value]) => value !== ""));
}
