import type { z } from "zod";
import { queryParams } from "./queryParams";
import { apiRoute, publicJson } from "./route";

/**
 * A public catalogue's GET handler: parses the query string with the route's schema, reads one
 * page and answers `{items, total, page, pages}` that caches may keep for a minute. A query that
 * does not parse is a 400 naming its fields.
 */
export function publicListRoute<S extends z.ZodType, R>(options: {
  schema: S;
  read: (query: z.infer<S>) => Promise<{ items: R[]; total: number; page: number; pages: number }>;
  item: (row: R) => unknown;
}) {
  return apiRoute(async ({ request }) => {
    const { items, total, page, pages } = await options.read(options.schema.parse(queryParams(request.url)));
    return publicJson({ items: items.map(options.item), total, page, pages });
  });
}
