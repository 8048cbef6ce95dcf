import { ownFileRoute } from "@/lib/api/ownFileRoute";
import { exportPersonalData } from "@/lib/users/personalData";
import { fileResponse } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

/** The signed-in citizen's data as a JSON file to keep or take elsewhere (个人信息保护法 Art. 45). */
export const GET = ownFileRoute<{ locale: string }>(async ({ actor }) => {
  const data = await exportPersonalData({ actor, format: "json" });
  return fileResponse(JSON.stringify(data, null, 2), {
    type: "application/json; charset=utf-8",
    kind: "attachment",
    name: `onestop-personal-data-${data.exportedAt.slice(0, 10)}.json`,
    cache: "private, no-store",
  });
});
