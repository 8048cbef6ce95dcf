import { openApiDocument } from "@/lib/api/openapi";
import { publicBase } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

/** The OpenAPI description of every /api/v1 call. */
export async function GET(request: Request) {
  return Response.json(openApiDocument(publicBase(request)), {
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
