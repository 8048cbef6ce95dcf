import type { z } from "zod";
import { apiFailure } from "./errors";
import { queryParams } from "./queryParams";

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
  return async (request: Request): Promise<Response> => {
    try {
      const result = await options.read(options.schema.parse(queryParams(request.url)));
      return Response.json(
        {
          items: result.items.map(options.item),
          total: result.total,
          page: result.page,
          pages: result.pages,
        },
        { headers: { "Cache-Control": "public, max-age=60" } },
      );
    } catch (error) {
      return apiFailure(error);
    }
  };
}
