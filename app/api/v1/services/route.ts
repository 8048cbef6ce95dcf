import { z } from "zod";
import { listServices } from "@/lib/services/queries";
import { serviceSummaryJson } from "@/lib/services/serviceJson";
import { apiRoute, publicJson } from "@/lib/api/route";
import { queryParams } from "@/lib/api/queryParams";

export const dynamic = "force-dynamic";

const ZServiceQuery = z.object({
  audience: z.enum(["PERSON", "LEGAL_PERSON"]).optional(),
  theme: z.string().trim().max(40).optional(),
  department: z.string().trim().max(20).optional(),
  q: z.string().trim().max(100).optional(),
});

/** The public service catalogue, filtered by audience, theme, department and text (`?theme=`: no filter). */
export const GET = apiRoute(async ({ request }) => {
  const items = (await listServices(ZServiceQuery.parse(queryParams(request.url)))).map(serviceSummaryJson);
  return publicJson({ items, total: items.length });
});
