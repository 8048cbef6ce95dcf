import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { rateCase } from "@/lib/cases/rateCase";
import { caseFigures } from "@/lib/cases/figures";
import { advanceFollowUp, appealFollowUp, followUpForRater } from "@/lib/cases/followUp";
import { getCaseSettings, saveCaseSettings } from "@/lib/settings/queries";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "caseworker", "supervisor", "admin", "caseworker2"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

async function newCase() {
  const upload = await database.prisma.attachment.create({
    data: {
      id: randomUUID().replace(/-/g, "").slice(0, 24),
      fileName: "a.pdf",
      mimeType: "application/pdf",
      size: 10,
      sha256: "0".repeat(64),
      storageKey: `t/${randomUUID()}`,
      uploaderId: actors.citizen.id,
    },
  });
  const { trackingNumber } = await submitApplication({
    db: database.prisma,
    actor: actors.citizen,
    serviceCode: "RS-JYDJ-001",
    idempotencyKey: randomUUID(),
    answers: {
      fullName: "张晓明",
      idNumber: "510104199003071237",
      mobile: "13800280001",
      employer: "单位",
      startDate: "2026-11-02",
      employmentType: "full-time",
      idCardCopy: upload.id,
    },
  });
  return trackingNumber;
}

async function run(trackingNumber: string, steps: [string, string][]) {
  let version = 1;
  for (const [transition, at] of steps) {
    const resultFile =
      transition === "complete"
        ? (
            await database.prisma.attachment.create({
              data: {
                id: randomUUID().replace(/-/g, "").slice(0, 24),
                fileName: "r.pdf",
                mimeType: "application/pdf",
                size: 1,
                sha256: "0".repeat(64),
                storageKey: `t/${randomUUID()}`,
                uploaderId: actors.caseworker.id,
              },
            })
          ).id
        : undefined;
    ({ version } = await applyCaseStep({
      db: database.prisma,
      actor: actors.caseworker,
      trackingNumber,
      step: transition as "accept",
      expectedVersion: version,
      now: new Date(`${at}T02:00:00Z`),
      resultAttachmentId: resultFile,
      reason: "依据相关规定",
    }));
  }
}

describe("supervisor figures", () => {
  it("computes on-time rate, working days to decide, rating mix and the overdue list", async () => {
    const onTime = await newCase();
    await run(onTime, [
      ["accept", "2026-09-28"],
      ["startReview", "2026-09-29"],
      ["approve", "2026-10-08"],
      ["complete", "2026-10-08"],
    ]);
    const late = await newCase();
    await run(late, [
      ["accept", "2026-11-02"],
      ["startReview", "2026-11-03"],
      ["deny", "2026-11-10"],
      ["complete", "2026-11-10"],
    ]);
    const overdue = await newCase();
    await run(overdue, [
      ["accept", "2026-11-02"],
      ["startReview", "2026-11-03"],
    ]);
    await rateCase({ db: database.prisma, actor: actors.citizen, trackingNumber: onTime, level: 5 });
    await rateCase({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber: late,
      level: 1,
      comment: "太慢",
    });

    const figures = await caseFigures({
      db: database.prisma,
      actor: actors.supervisor,
      now: new Date("2026-11-26T02:00:00Z"),
    });
    expect(figures.decided).toBe(2);
    expect(figures.onTime).toBe(1);
    expect(figures.onTimeRate).toBe(0.5);
    // 09-28 → 10-08 is 3 working days (National Day in between); 11-02 → 11-10 is 6
    expect(figures.averageDaysToDecide).toBe(4.5);
    expect(figures.ratings).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 });
    expect(figures.byStatus.COMPLETED).toBe(2);
    expect(figures.byStatus.REVIEWING).toBe(1);
    expect(figures.overdue.map((o) => o.trackingNumber)).toEqual([overdue]);
  });

  it("is for supervisors and administrators only", async () => {
    await expect(caseFigures({ db: database.prisma, actor: actors.caseworker })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await caseFigures({ db: database.prisma, actor: actors.admin })).decided).toBe(
      (await caseFigures({ db: database.prisma, actor: actors.supervisor })).decided,
    );
  });
});

describe("好差评 rules", () => {
  it("rates once, only after 办结, and a 差评 opens a follow-up with a working-day deadline", async () => {
    const number = await newCase();
    await expect(
      rateCase({ db: database.prisma, actor: actors.citizen, trackingNumber: number, level: 4 }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "ratingNotYet");
    await run(number, [
      ["accept", "2026-11-02"],
      ["startReview", "2026-11-02"],
      ["approve", "2026-11-03"],
      ["complete", "2026-11-03"],
    ]);
    await rateCase({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber: number,
      level: 2,
      now: new Date("2026-11-26T02:00:00Z"),
    });
    await expect(
      rateCase({ db: database.prisma, actor: actors.citizen, trackingNumber: number, level: 5 }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "ratingOnce");
    const rating = await database.prisma.rating.findFirstOrThrow({
      where: { application: { trackingNumber: number } },
    });
    expect(rating.followUpStatus).toBe("OPEN");
    // 15 working days after Thursday 2026-11-26
    expect(rating.followUpDue?.toISOString().slice(0, 10)).toBe("2026-12-17");

    await expect(
      advanceFollowUp({ db: database.prisma, actor: actors.caseworker, trackingNumber: number, note: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);

    // the fix period is a local setting
    await database.prisma.siteSetting.create({ data: { key: "cases", value: { followUpDays: 5 } } });
    const other = await newCase();
    await run(other, [
      ["accept", "2026-11-02"],
      ["startReview", "2026-11-02"],
      ["approve", "2026-11-03"],
      ["complete", "2026-11-03"],
    ]);
    await rateCase({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber: other,
      level: 1,
      now: new Date("2026-11-26T02:00:00Z"),
    });
    const short = await database.prisma.rating.findFirstOrThrow({
      where: { application: { trackingNumber: other } },
    });
    expect(short.followUpDue?.toISOString().slice(0, 10)).toBe("2026-12-03");
    for (const expected of ["VERIFIED", "FIXED", "CALLED_BACK", "CLOSED"]) {
      expect(
        (
          await advanceFollowUp({
            db: database.prisma,
            actor: actors.supervisor,
            trackingNumber: number,
            note: `步骤 ${expected}`,
          })
        ).status,
      ).toBe(expected);
    }
    await expect(
      advanceFollowUp({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber: number,
        note: "again",
      }),
    ).rejects.toBeInstanceOf(FormError);
    expect(
      await database.prisma.auditLog.count({
        where: { action: "rating.followUp", entityId: number, outcome: "ALLOWED" },
      }),
    ).toBe(4);
  });

  it("tells the rater the outcome; they appeal once within the set period, and the supervisor answers", async () => {
    const number = await newCase();
    await run(number, [
      ["accept", "2026-11-02"],
      ["startReview", "2026-11-02"],
      ["approve", "2026-11-03"],
      ["complete", "2026-11-03"],
    ]);
    await rateCase({ db: database.prisma, actor: actors.citizen, trackingNumber: number, level: 2 });
    const appeal = (reason = "整改没有解决问题", now?: Date) =>
      appealFollowUp({ db: database.prisma, actor: actors.citizen, trackingNumber: number, reason, now });
    // nothing to appeal before the follow-up ends
    await expect(appeal()).rejects.toSatisfy((e) => e instanceof FormError && e.key === "appealNotOpen");
    for (const note of ["已核实", "已整改：窗口增设引导员", "已回访", "整改完成：窗口已增设引导员"])
      await advanceFollowUp({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber: number,
        note,
        now: new Date("2026-11-30T02:00:00Z"),
      });
    // the rater is told the outcome, with what was done
    const told = await database.prisma.notification.findFirstOrThrow({
      where: { userId: actors.citizen.id, kind: "case.followUpClosed", link: { contains: number } },
    });
    expect(told.body).toContain("整改完成：窗口已增设引导员");
    // the appeal period is a setting (administrators only), in working days from the closing
    await expect(
      saveCaseSettings({
        db: database.prisma,
        actor: actors.supervisor,
        settings: { followUpDays: 15, appealDays: 3 },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await saveCaseSettings({
      db: database.prisma,
      actor: actors.admin,
      settings: { followUpDays: 15, appealDays: 3 },
    });
    expect(await getCaseSettings({ db: database.prisma })).toEqual({ followUpDays: 15, appealDays: 3 });
    const rating = await database.prisma.rating.findFirstOrThrow({
      where: { application: { trackingNumber: number } },
    });
    expect(followUpForRater(rating, 3, "2026-12-03")).toMatchObject({
      status: "CLOSED",
      outcome: "整改完成：窗口已增设引导员",
      appealUntil: "2026-12-03",
    });
    await expect(appeal("太晚了", new Date("2026-12-04T02:00:00Z"))).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "appealTooLate",
    );
    // another person cannot appeal it
    await expect(
      appealFollowUp({ db: database.prisma, actor: actors.caseworker, trackingNumber: number, reason: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(appeal("整改没有解决问题", new Date("2026-12-02T02:00:00Z"))).resolves.toEqual({
      status: "APPEALED",
    });
    await expect(appeal("再申诉", new Date("2026-12-02T03:00:00Z"))).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "appealNotOpen",
    );
    // the supervisor reviews the appeal, which closes it again and tells the rater
    await expect(
      advanceFollowUp({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber: number,
        note: "复核：维持",
      }),
    ).resolves.toEqual({ status: "CLOSED" });
    await expect(appeal("第二次", new Date("2026-12-03T02:00:00Z"))).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "appealOnce",
    );
    expect(
      await database.prisma.notification.count({
        where: { userId: actors.citizen.id, kind: "case.appealClosed", link: { contains: number } },
      }),
    ).toBe(1);
    expect(
      await database.prisma.auditLog.count({ where: { action: "rating.appeal", entityId: number } }),
    ).toBe(2);
  });
});
