/** Writes generated notices with their community targets and first revision. */
import { makeNotice } from "./notices";
import { insertRows, ts, type TRow } from "./insert";
import { volumeNoticeId } from "./planted";
import { communityRefs, existing, inBatches, pad, type TGeneration } from "./batches";

/** Notices up to options.notices, resuming after the last committed batch; returns how many there are. */
export async function writeNotices(generation: TGeneration): Promise<number> {
  const { prisma, options, run, types, log } = generation;
  const communities = await communityRefs(prisma);
  const communityId = new Map(communities.map((c) => [c.code, c.id]));
  const editors = await prisma.user.findMany({
    where: { email: { in: ["editor@example.cn", "editor2@example.cn"] } },
    orderBy: { email: "asc" },
    select: { id: true },
  });
  const [author, approver] = [editors[0]?.id ?? null, editors[1]?.id ?? null];
  const from = await existing(prisma, "Notice", "vol-n-");
  if (from >= options.notices) return from;
  if (from) log(`  notices: resuming after ${from.toLocaleString("en")}`);
  await inBatches(generation, from, options.notices, "notices", async (start, end) => {
    const notices: TRow<"Notice">[] = [];
    const targets: TRow<"NoticeTarget">[] = [];
    const revisions: TRow<"NoticeRevision">[] = [];
    for (let index = start; index < end; index++) {
      const notice = makeNotice({ seed: run.seed, index, endDay: run.endDay, communities });
      const id = volumeNoticeId(index);
      const published = ts(notice.publishedAt);
      // no notice.mail job is queued for these: subscribers are not sent thousands of old notices
      notices.push({
        id,
        title: notice.title,
        titleEn: notice.titleEn,
        body: notice.body,
        category: notice.category,
        status: "PUBLISHED",
        pinned: notice.pinned,
        // as the editor's workflow sets it: an emergency notice may be published by a supervisor alone
        emergency: notice.category === "emergency",
        source: notice.source,
        authorId: author,
        approverId: approver,
        publishAt: published,
        expiresAt: ts(notice.expiresAt),
        publishedAt: published,
        scope: JSON.stringify({ districts: [], streets: [], communities: notice.communities }),
        createdAt: published,
        updatedAt: published,
      });
      for (const code of notice.communities)
        targets.push({ noticeId: id, communityId: communityId.get(code) ?? null });
      revisions.push({
        id: `vol-nr-${pad(index, 7)}`,
        noticeId: id,
        version: 1,
        title: notice.title,
        body: notice.body,
        editorId: author,
        // the revision's kind, as the editor's workflow records it (a null comment reads as a send-back)
        comment: "create",
        createdAt: published,
      });
    }
    await prisma.$transaction(
      async (tx) => {
        await insertRows(tx, types, "Notice", notices);
        await insertRows(tx, types, "NoticeTarget", targets);
        await insertRows(tx, types, "NoticeRevision", revisions);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    return notices.length + targets.length + revisions.length;
  });
  return options.notices;
}
