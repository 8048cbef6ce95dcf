import { getNotice } from "@/lib/notices/queries";
import { apiError } from "@/lib/api/errors";
import { apiRoute, publicJson } from "@/lib/api/route";
import { fileJson } from "@/lib/api/fileJson";
import { noticeJson } from "../noticeJson";

export const dynamic = "force-dynamic";

/** One notice by id (expired ones too, marked so). */
export const GET = apiRoute<{ id: string }>(async ({ params: { id } }) => {
  const n = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await getNotice({ id }) : null;
  if (!n) return apiError(404, "not_found", "Not found");
  return publicJson({
    ...noticeJson(n),
    body: n.body,
    expired: n.status === "ARCHIVED" || (n.expiresAt !== null && n.expiresAt <= new Date()),
    communities: n.targets.map((t) => ({ code: t.community.code, name: t.community.name })),
    attachments: n.attachments.map(fileJson),
  });
});
