import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/connect";
import { openAdapter } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { seedDemo } from "@/prisma/seed/seed";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { createNotice, ZNoticeInput } from "@/lib/notices/writeNotice";
import { applyNoticeStep } from "@/lib/notices/applyNoticeStep";
import { startJobRunner } from "@/lib/jobs/runner";
import { noticeJobHandlers } from "@/lib/notices/jobs";
import type { PrismaClient } from "@/lib/db/generated/client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-jobs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const holder = globalThis as unknown as { __onestopDb?: Promise<PrismaClient> };

describe("the job runner across a restart", () => {
  it("publishes a notice whose time came while the server was stopped, once, when it starts again", async () => {
    const target = { kind: "pglite", dir } as const;
    const migrator = await openAdapter(target);
    await deployMigrations(migrator.factory);
    await migrator.close();

    // the server is up: an editor's notice is approved for publication two seconds from now
    const first = await connect(target);
    await seedDemo(first.prisma);
    const actor = async (email: string) =>
      (await loadSessionUser({
        db: first.prisma,
        userId: (await first.prisma.user.findUniqueOrThrow({ where: { email } })).id,
      }))!;
    const publishAt = new Date(Date.now() + 2000);
    const notice = await createNotice({
      db: first.prisma,
      actor: await actor("editor@example.cn"),
      notice: ZNoticeInput.parse({
        title: "停机期间到期的公告",
        body: "正文",
        category: "announcements",
        scope: { districts: ["510104"], streets: [], communities: [] },
        source: "街道办",
        publishAt,
        expiresAt: null,
        pinned: false,
      }),
    });
    await applyNoticeStep({
      db: first.prisma,
      actor: await actor("editor@example.cn"),
      noticeId: notice.id,
      step: "submit",
      expectedVersion: 1,
    });
    await applyNoticeStep({
      db: first.prisma,
      actor: await actor("editor2@example.cn"),
      noticeId: notice.id,
      step: "approve",
      expectedVersion: 2,
    });
    // ... and stops before that time
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now()) + 300));

    // it starts again: the runner the server starts (instrumentation.ts) finds the due job
    const second = await connect(target);
    holder.__onestopDb = Promise.resolve(second.prisma);
    try {
      let runner = startJobRunner({ pollMs: 100, handlers: noticeJobHandlers });
      for (let i = 0; i < 100; i++) {
        if (
          (await second.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status === "PUBLISHED"
        )
          break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await runner.stop();
      // a second start finds nothing left to do
      runner = startJobRunner({ pollMs: 100, handlers: noticeJobHandlers });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await runner.stop();
      const published = await second.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } });
      expect(published.status).toBe("PUBLISHED");
      expect(published.publishedAt!.getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
      expect(
        await second.prisma.auditLog.count({ where: { entityId: notice.id, action: "notice.publish" } }),
      ).toBe(1);
      expect(
        await second.prisma.job.count({
          where: {
            kind: "notice.publish",
            payload: { equals: { noticeId: notice.id } },
            doneAt: { not: null },
          },
        }),
      ).toBe(1);
    } finally {
      holder.__onestopDb = undefined;
      await second.close();
    }
  });
});
