import { databaseReachable } from "@/lib/health/databaseReachable";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok","db":"ok"}, or 503 when the database is unreachable. */
export async function GET() {
  const ok = await databaseReachable();
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "degraded", db: "unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
