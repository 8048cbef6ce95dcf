import { z } from "zod";
import { listServices } from "@/lib/services/queries";
import { serviceSummaryJson } from "@/lib/services/serviceJson";
import { apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// an empty parameter (`?theme=`) means no filter
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const ZServiceQuery = z.object({
  audience: optional(z.enum(["PERSON", "LEGAL_PERSON"])),
  theme: optional(z.string().trim().max(40)),
  department: optional(z.string().trim().max(20)),
  q: optional(z.string().trim().max(100)),
});

/** The public service catalogue, filtered by audience, theme, department and text. */
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const filter = ZServiceQuery.parse(
      Object.fromEntries(
        ["audience", "theme", "department", "q"].map((key) => [key, params.get(key) ?? undefined]),
      ),
    );
    const items = (await listServices(filter)).map(serviceSummaryJson);
    return Response.json(
      { items, total: items.length },
      { headers: { "Cache-Control": "public, max-age=60" } },
    );
  } catch (error) {
    return apiFailure(error);
  }
}
