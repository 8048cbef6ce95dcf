import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { AnswersInvalid, submitApplication, submitDraftedApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { caseStatuses, caseStepNames, caseWorkflow, type TCaseStatus } from "@/lib/cases/caseWorkflow";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { loadApplication } from "@/lib/cases/drafts";
import { employmentAnswers } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const email of ["citizen", "citizen2", "org", "caseworker", "caseworker2", "supervisor", "admin"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${email}@example.cn` } });
    actors[email] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

async function upload(owner: TSessionUser, purpose?: string) {
  const id = randomUUID().replace(/-/g, "").slice(0, 24);
  await database.prisma.attachment.create({
    data: {
      id,
      fileName: "id-card.pdf",
      mimeType: "application/pdf",
      size: 1000,
      sha256: "0".repeat(64),
      storageKey: `test/${id}`,
      uploaderId: owner.id,
      purpose,
    },
  });
  return id;
}

async function answers(owner = actors.citizen) {
  return employmentAnswers(await upload(owner));
}

async function submit(owner = actors.citizen, key = randomUUID()) {
  return submitApplication({
    db: database.prisma,
    actor: owner,
    serviceCode: "RS-JYDJ-001",
    answers: await answers(owner),
    idempotencyKey: key,
  });
}

describe("submitting an application", () => {
  it("returns 办件编号 and 查询码 in the contract's formats and links the upload", async () => {
    const result = await submit();
    expect(result.trackingNumber).toMatch(/^SV\d{8}\d{6}$/);
    expect(result.accessCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(result).toMatchObject({ status: "SUBMITTED", created: true });
    const stored = await database.prisma.application.findUniqueOrThrow({
      where: { trackingNumber: result.trackingNumber },
      include: { attachments: true, events: true },
    });
    expect(stored.attachments.map((a) => a.purpose)).toEqual(["id-card"]);
    expect(stored.events.map((e) => e.toStatus)).toEqual(["SUBMITTED"]);
    const service = await database.prisma.service.findUniqueOrThrow({ where: { code: "RS-JYDJ-001" } });
    expect(stored.formSnapshot).toEqual(service.form);
  });

  it("refuses invalid answers with field error codes", async () => {
    const bad = { ...(await answers()), idNumber: "510104199003071234", mobile: "123" };
    await expect(
      submitApplication({
        db: database.prisma,
        actor: actors.citizen,
        serviceCode: "RS-JYDJ-001",
        answers: bad,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof AnswersInvalid &&
        e.fieldErrors.idNumber === "idCardInvalid" &&
        e.fieldErrors.mobile === "mobileInvalid",
    );
  });

  it("refuses someone else's upload", async () => {
    const theirs = await upload(actors.citizen2);
    await expect(
      submitApplication({
        db: database.prisma,
        actor: actors.citizen,
        serviceCode: "RS-JYDJ-001",
        answers: { ...(await answers()), idCardCopy: theirs },
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toBeInstanceOf(AnswersInvalid);
  });

  it("makes exactly one case for 20 concurrent submissions with one idempotency key", async () => {
    const key = randomUUID();
    const body = await answers();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        submitApplication({
          db: database.prisma,
          actor: actors.citizen,
          serviceCode: "RS-JYDJ-001",
          answers: body,
          idempotencyKey: key,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.trackingNumber)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await database.prisma.application.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("makes 100 cases with distinct 办件编号 for 100 concurrent submissions with distinct keys", async () => {
    const bodies = await Promise.all(Array.from({ length: 100 }, () => answers(actors.citizen2)));
    const results = await Promise.all(
      bodies.map((body) =>
        submitApplication({
          db: database.prisma,
          actor: actors.citizen2,
          serviceCode: "RS-JYDJ-001",
          answers: body,
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    expect(new Set(results.map((r) => r.trackingNumber)).size).toBe(100);
    for (const r of results) expect(r.trackingNumber).toMatch(/^SV\d{14}$/);
  });
});

describe("who may apply", () => {
  it("refuses a person a legal person's service and an organisation a person's, audited, before anything is stored", async () => {
    const asPerson = submitApplication({
      db: database.prisma,
      actor: actors.citizen,
      serviceCode: "SC-QYKB-001",
      answers: {},
      idempotencyKey: randomUUID(),
    });
    await expect(asPerson).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "audienceLegalPerson",
    );
    const asOrganisation = submitApplication({
      db: database.prisma,
      actor: actors.org,
      serviceCode: "RS-JYDJ-001",
      answers: await answers(actors.org),
      idempotencyKey: randomUUID(),
    });
    await expect(asOrganisation).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "audiencePerson",
    );
    expect(await database.prisma.application.count({ where: { applicantId: actors.org.id } })).toBe(0);
    const refusals = await database.prisma.auditLog.findMany({
      where: {
        action: "application.apply",
        outcome: "DENIED",
        actorId: { in: [actors.citizen.id, actors.org.id] },
      },
    });
    expect(refusals.map((r) => r.entityId).sort()).toEqual(["RS-JYDJ-001", "SC-QYKB-001"]);
    // the organisation's own kind of service is open to it
    await expect(
      loadApplication({ db: database.prisma, actor: actors.org, serviceCode: "SC-QYKB-001" }),
    ).resolves.toMatchObject({ service: { code: "SC-QYKB-001" } });
    await expect(
      loadApplication({ db: database.prisma, actor: actors.org, serviceCode: "RS-JYDJ-001" }),
    ).rejects.toBeInstanceOf(FormError);
  });
});

describe("the case lifecycle", () => {
  async function caseIn(status: TCaseStatus) {
    const { trackingNumber } = await submit();
    await database.prisma.application.update({ where: { trackingNumber }, data: { status } });
    return trackingNumber;
  }

  it("allows exactly the transitions of the table, from every status", async () => {
    // the 行政许可 extension's own rules (licence only, a supervisor approves) have their own test
    for (const name of caseStepNames.filter((step) => !step.endsWith("Extension"))) {
      const rule = caseWorkflow.steps[name];
      for (const status of caseStatuses) {
        const trackingNumber = await caseIn(status);
        const actor = rule.by === "applicant" ? actors.citizen : actors.caseworker;
        const attempt = applyCaseStep({
          db: database.prisma,
          actor,
          trackingNumber,
          step: name,
          expectedVersion: 1,
          reason: "理由",
          missing: ["身份证复印件不清晰"],
          resultAttachmentId: rule.issuesResult ? await upload(actors.caseworker) : undefined,
        });
        if (rule.from.includes(status))
          await expect(attempt, `${name} from ${status}`).resolves.toEqual({ status: rule.to, version: 2 });
        else
          await expect(attempt, `${name} from ${status}`).rejects.toSatisfy(
            (e) => e instanceof FormError && e.key === "transitionNotAllowed",
          );
      }
    }
  });

  it("requires a reason and the missing list", async () => {
    const check = async (step: "reject" | "requestSupplement", status: TCaseStatus, key: string) => {
      const trackingNumber = await caseIn(status);
      await expect(
        applyCaseStep({
          db: database.prisma,
          actor: actors.caseworker,
          trackingNumber,
          step,
          expectedVersion: 1,
          reason: " ",
          missing: [" "],
        }),
      ).rejects.toSatisfy((e) => e instanceof FormError && e.key === key);
    };
    await check("reject", "PRE_REVIEW", "reasonRequired");
    await check("requestSupplement", "PRE_REVIEW", "missingListRequired");
  });

  it("hides another department's case from a caseworker and another person's case from a citizen, and audits the refusal", async () => {
    const trackingNumber = await caseIn("SUBMITTED");
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker2,
        trackingNumber,
        step: "accept",
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.citizen2,
        trackingNumber,
        step: "withdraw",
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({ where: { entityId: trackingNumber, outcome: "DENIED" } }),
    ).toBe(2);
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber,
        step: "accept",
        expectedVersion: 1,
      }),
    ).resolves.toMatchObject({ status: "ACCEPTED" });
    expect(
      await database.prisma.auditLog.count({
        where: { entityId: trackingNumber, outcome: "ALLOWED", action: "case.accept" },
      }),
    ).toBe(1);
  });

  it("lets one of two concurrent caseworkers win; the other is told the case changed", async () => {
    const trackingNumber = await caseIn("PRE_REVIEW");
    const results = await Promise.allSettled([
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber,
        step: "accept",
        expectedVersion: 1,
      }),
      applyCaseStep({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber,
        step: "reject",
        expectedVersion: 1,
        reason: "材料不齐",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(FormError);
    expect((loser.reason as FormError).key).toBe("caseChanged");
    expect(
      await database.prisma.caseEvent.count({
        where: { application: { trackingNumber }, kind: { in: ["accept", "reject"] } },
      }),
    ).toBe(1);
  });

  it("asks for 补正 once only, and only within 5 working days of submission", async () => {
    const first = await caseIn("PRE_REVIEW");
    await applyCaseStep({
      db: database.prisma,
      actor: actors.caseworker,
      trackingNumber: first,
      step: "requestSupplement",
      expectedVersion: 1,
      missing: ["劳动合同"],
    });
    await applyCaseStep({
      db: database.prisma,
      actor: actors.citizen,
      trackingNumber: first,
      step: "supplyMaterials",
      expectedVersion: 2,
      newUploadIds: [await upload(actors.citizen)],
    });
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber: first,
        step: "requestSupplement",
        expectedVersion: 3,
        missing: ["又一项"],
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "supplementOnce");
    const late = await caseIn("PRE_REVIEW");
    const submitted = (
      await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber: late } })
    ).submittedAt;
    const eightWorkingDaysLater = new Date(submitted.getTime() + 12 * 24 * 3600_000);
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber: late,
        step: "requestSupplement",
        expectedVersion: 1,
        missing: ["劳动合同"],
        now: eightWorkingDaysLater,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "supplementTooLate");
    // past the window the application counts as accepted on submission: no 不予受理, and the clock runs from then
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber: late,
        step: "reject",
        expectedVersion: 1,
        reason: "材料不全",
        now: eightWorkingDaysLater,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "deemedAccepted");
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber: late,
        step: "accept",
        expectedVersion: 1,
        now: eightWorkingDaysLater,
      }),
    ).resolves.toMatchObject({ status: "ACCEPTED" });
    expect(
      (await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber: late } })).acceptedAt,
    ).toEqual(submitted);
  });

  it("lets the supervisor assign a case to one of the department's caseworkers only", async () => {
    const trackingNumber = await caseIn("SUBMITTED");
    const { assignCase } = await import("@/lib/cases/staffCases");
    await assignCase({
      db: database.prisma,
      actor: actors.supervisor,
      trackingNumber,
      assigneeId: actors.caseworker.id,
    });
    expect(
      (await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber } })).assigneeId,
    ).toBe(actors.caseworker.id);
    await expect(
      assignCase({
        db: database.prisma,
        actor: actors.supervisor,
        trackingNumber,
        assigneeId: actors.caseworker2.id,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "assigneeInvalid");
    await expect(
      assignCase({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber,
        assigneeId: actors.caseworker.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("extends a 行政许可's time limit by ten working days once: asked by the caseworker, approved by the supervisor, told to the applicant", async () => {
    const licence = await database.prisma.service.findUniqueOrThrow({ where: { code: "RS-LWPQ-001" } });
    const { trackingNumber } = await submit();
    await database.prisma.application.update({
      where: { trackingNumber },
      data: {
        serviceId: licence.id,
        status: "REVIEWING",
        acceptedAt: new Date("2026-11-02T02:00:00Z"),
        promisedDue: new Date("2026-11-16T00:00:00Z"),
        statutoryDue: new Date("2026-11-30T00:00:00Z"),
      },
    });
    const step = (
      actor: TSessionUser,
      name: "requestExtension" | "approveExtension",
      version: number,
      reason = "",
    ) =>
      applyCaseStep({
        db: database.prisma,
        actor,
        trackingNumber,
        step: name,
        expectedVersion: version,
        reason,
      });
    // the supervisor approves only what was asked; the caseworker must say why
    await expect(step(actors.supervisor, "approveExtension", 1)).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "noExtensionRequested",
    );
    await expect(step(actors.caseworker, "requestExtension", 1)).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "reasonRequired",
    );
    await expect(step(actors.caseworker, "requestExtension", 1, "需现场核查经营场所")).resolves.toEqual({
      status: "REVIEWING",
      version: 2,
    });
    await expect(step(actors.caseworker, "requestExtension", 2, "再次")).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "extensionPending",
    );
    // a caseworker cannot approve their own request
    await expect(step(actors.caseworker, "approveExtension", 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(step(actors.supervisor, "approveExtension", 2)).resolves.toEqual({
      status: "REVIEWING",
      version: 3,
    });
    const stored = await database.prisma.application.findUniqueOrThrow({
      where: { trackingNumber },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(stored.promisedDue?.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(stored.statutoryDue?.toISOString().slice(0, 10)).toBe("2026-12-14");
    const [asked, approved] = stored.events.filter((e) => e.kind.endsWith("Extension"));
    expect(asked).toMatchObject({ internal: true, reason: "需现场核查经营场所" });
    expect(approved).toMatchObject({ internal: false, data: { days: 10, promisedDue: "2026-11-30" } });
    // the applicant is told, with the new date; the request itself stays between staff
    const notes = await database.prisma.notification.findMany({
      where: { userId: actors.citizen.id, link: { contains: trackingNumber } },
      orderBy: { createdAt: "asc" },
    });
    expect(notes.map((n) => n.kind)).toEqual(["case.submit", "case.approveExtension"]);
    expect(notes[1].body).toContain("2026年11月30日");
    // once only
    await expect(step(actors.caseworker, "requestExtension", 3, "再延")).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "extensionOnce",
    );
    // and only for a 行政许可
    const ordinary = await caseIn("REVIEWING");
    await expect(
      applyCaseStep({
        db: database.prisma,
        actor: actors.caseworker,
        trackingNumber: ordinary,
        step: "requestExtension",
        expectedVersion: 1,
        reason: "理由",
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "extensionLicensingOnly");
  });

  it("sets working-day deadlines on acceptance across the National Day holiday", async () => {
    const trackingNumber = await caseIn("PRE_REVIEW");
    await applyCaseStep({
      db: database.prisma,
      actor: actors.caseworker,
      trackingNumber,
      step: "accept",
      expectedVersion: 1,
      now: new Date("2026-09-28T02:00:00Z"),
    });
    const stored = await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber } });
    // RS-JYDJ-001 promises 3 working days (10-01..10-07 are off); no law sets it a statutory period
    expect(stored.promisedDue?.toISOString().slice(0, 10)).toBe("2026-10-08");
    expect(stored.statutoryDue).toBeNull();
    expect(stored.dueProvisional).toBe(false);
    expect(stored.calendarVersion).toMatch(/^chinese-days@/);
  });

  it("marks a deadline provisional in a year without calendar data", async () => {
    const trackingNumber = await caseIn("PRE_REVIEW");
    await database.prisma.application.update({
      where: { trackingNumber },
      data: { submittedAt: new Date("2099-03-02T01:00:00Z") },
    });
    await applyCaseStep({
      db: database.prisma,
      actor: actors.caseworker,
      trackingNumber,
      step: "accept",
      expectedVersion: 1,
      now: new Date("2099-03-02T02:00:00Z"),
    });
    expect(
      (await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber } })).dueProvisional,
    ).toBe(true);
  });
});

describe("submitting a drafted application", () => {
  async function saveDraft(owner: TSessionUser, draftAnswers: Record<string, string>) {
    const service = await database.prisma.service.findUniqueOrThrow({ where: { code: "RS-JYDJ-001" } });
    await database.prisma.applicationDraft.upsert({
      where: { userId_serviceId: { userId: owner.id, serviceId: service.id } },
      create: { userId: owner.id, serviceId: service.id, answers: draftAnswers, step: "check" },
      update: { answers: draftAnswers, step: "check" },
    });
    return () =>
      database.prisma.applicationDraft.count({ where: { userId: owner.id, serviceId: service.id } });
  }

  it("makes the case from the draft and removes the draft with it", async () => {
    const drafts = await saveDraft(actors.citizen2, await answers(actors.citizen2));
    const result = await submitDraftedApplication({
      db: database.prisma,
      actor: actors.citizen2,
      serviceCode: "RS-JYDJ-001",
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ status: "SUBMITTED", created: true });
    expect(await drafts()).toBe(0);
  });

  it("keeps the draft and names the step to correct when an answer is invalid", async () => {
    const drafts = await saveDraft(actors.citizen2, { ...(await answers(actors.citizen2)), mobile: "123" });
    const refused = await submitDraftedApplication({
      db: database.prisma,
      actor: actors.citizen2,
      serviceCode: "RS-JYDJ-001",
      idempotencyKey: randomUUID(),
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AnswersInvalid);
    expect((refused as AnswersInvalid).fieldErrors).toHaveProperty("mobile");
    expect((refused as AnswersInvalid).stepId).toBeTruthy();
    expect(await drafts()).toBe(1);
  });
});
