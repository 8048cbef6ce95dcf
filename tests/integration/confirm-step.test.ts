import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { postCaseStep } from "@/lib/cases/postCaseStep";
import { caseWorkflow } from "@/lib/cases/caseWorkflow";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { applyRequestStep } from "@/lib/disclosure/applyRequestStep";
import { postRequestStep } from "@/lib/disclosure/postRequestStep";
import { requestWorkflow } from "@/lib/disclosure/requestWorkflow";
import { keepFormState } from "@/lib/actions/formReturn";
import { stepToConfirm } from "@/lib/workflow/confirmStep";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { demoActor, submitCase } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "caseworker", "caseworker2", "supervisor", "officer"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

const caseRow = (trackingNumber: string) =>
  database.prisma.application.findUniqueOrThrow({ where: { trackingNumber }, include: { events: true } });

/** What the case page's form for `step` posts (its fields as the form route keeps them). */
async function posted(trackingNumber: string, step: "reject" | "accept", reason = "") {
  const { version } = await caseRow(trackingNumber);
  return {
    db: database.prisma,
    trackingNumber,
    step,
    expectedVersion: version,
    reason: reason || undefined,
    values: { trackingNumber, step, expectedVersion: String(version), reason },
  };
}

const formId = (path: string) => new URL(path, "http://x").searchParams.get("form");

describe("an irreversible step on a case is confirmed on a second page", () => {
  it("checks the step first: without a reason it comes back to the form, nothing kept or changed", async () => {
    const number = await submitCase(database.prisma, actors.citizen);
    const before = await database.prisma.formReturn.count();
    const error = await postCaseStep({ ...(await posted(number, "reject")), actor: actors.caseworker }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FormError);
    expect((error as FormError).field).toBe("reason");
    expect(await database.prisma.formReturn.count()).toBe(before);
    expect((await caseRow(number)).status).toBe("SUBMITTED");
  });

  it("first goes to the confirmation page with what was typed; only the confirmed post takes it", async () => {
    const number = await submitCase(database.prisma, actors.citizen);
    const first = await posted(number, "reject", "不属于本部门受理范围");
    const path = await postCaseStep({ ...first, actor: actors.caseworker });
    expect(path).toMatch(new RegExp(`^/staff/cases/${number}/confirm\\?form=[0-9a-f]{32}$`));
    // nothing has happened yet
    const waiting = await caseRow(number);
    expect(waiting.status).toBe("SUBMITTED");
    expect(waiting.events.map((event) => event.kind)).not.toContain("reject");

    // the page finds it for its author and this case only
    const pending = await stepToConfirm({
      db: database.prisma,
      actor: actors.caseworker,
      id: formId(path),
      trackingNumber: number,
      steps: caseWorkflow.steps,
    });
    expect(pending?.step).toBe("reject");
    expect(pending?.values).toMatchObject({ reason: "不属于本部门受理范围", trackingNumber: number });
    for (const [actor, trackingNumber] of [
      [actors.supervisor, number],
      [actors.caseworker, "SV20260101000001"],
    ] as const)
      expect(
        await stepToConfirm({
          db: database.prisma,
          actor,
          id: formId(path),
          trackingNumber,
          steps: caseWorkflow.steps,
        }),
      ).toBeNull();

    // the confirmation page's form sends it all again with `confirmed`
    const done = await postCaseStep({ ...first, confirmed: "1", actor: actors.caseworker });
    expect(done).toBe(`/staff/cases/${number}?done=reject`);
    const after = await caseRow(number);
    expect(after.status).toBe("REJECTED");
    expect(after.events.filter((event) => event.kind === "reject")).toHaveLength(1);
    expect(after.events.find((event) => event.kind === "reject")?.reason).toBe("不属于本部门受理范围");

    // confirming twice (a second tab, the back button) takes nothing more
    await expect(postCaseStep({ ...first, confirmed: "1", actor: actors.caseworker })).rejects.toBeInstanceOf(
      FormError,
    );
  });

  it("refuses a confirmation when the case changed after the first post", async () => {
    const number = await submitCase(database.prisma, actors.citizen);
    const first = await posted(number, "reject", "材料不齐");
    await postCaseStep({ ...first, actor: actors.caseworker });
    await postCaseStep({ ...(await posted(number, "accept")), actor: actors.caseworker });
    const error = await postCaseStep({ ...first, confirmed: "1", actor: actors.caseworker }).catch(
      (caught: unknown) => caught,
    );
    expect((error as FormError).key).toBe("caseChanged");
    expect((await caseRow(number)).status).toBe("ACCEPTED");
  });

  it("takes a reversible step at once, and never offers one on the confirmation page", async () => {
    const number = await submitCase(database.prisma, actors.citizen);
    const accept = await posted(number, "accept");
    expect(await postCaseStep({ ...accept, actor: actors.caseworker })).toBe(
      `/staff/cases/${number}?done=accept`,
    );
    expect((await caseRow(number)).status).toBe("ACCEPTED");
    // a kept "accept" (or a failed form's state) is not a step waiting for confirmation
    const id = await keepFormState({
      db: database.prisma,
      actor: actors.caseworker,
      state: { ok: true, values: { trackingNumber: number, step: "accept" }, fieldErrors: {} },
    });
    const failed = await keepFormState({
      db: database.prisma,
      actor: actors.caseworker,
      state: {
        ok: false,
        values: { trackingNumber: number, step: "reject" },
        fieldErrors: { reason: "required" },
      },
    });
    for (const kept of [id, failed, "not-an-id"])
      expect(
        await stepToConfirm({
          db: database.prisma,
          actor: actors.caseworker,
          id: kept,
          trackingNumber: number,
          steps: caseWorkflow.steps,
        }),
      ).toBeNull();
  });

  it("refuses staff of another department before asking anything (audited, not found)", async () => {
    const number = await submitCase(database.prisma, actors.citizen);
    await expect(
      postCaseStep({ ...(await posted(number, "reject", "理由")), actor: actors.caseworker2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const refusals = await database.prisma.auditLog.findMany({
      where: { entityId: number, action: "case.reject", outcome: "DENIED" },
    });
    expect(refusals.length).toBeGreaterThan(0);
  });
});

describe("closing a request as not corrected in time is confirmed too", () => {
  it("is checked against the correction period, then confirmed, then taken", async () => {
    const { trackingNumber } = await submitDisclosureRequest({
      db: database.prisma,
      actor: actors.citizen,
      request: ZDisclosureRequest.parse({
        department: "RSJ",
        requesterType: "PERSON",
        requesterName: "张晓明",
        idNumber: "510104199003071237",
        phone: "13800280001",
        email: "",
        address: "",
        description: "2025 年度本市就业补助资金使用情况",
        deliveryMethod: "download",
      }),
    });
    let version = 1;
    for (const step of ["confirmReceipt", "requestSupplement"] as const)
      version = (
        await applyRequestStep({
          db: database.prisma,
          actor: actors.officer,
          trackingNumber,
          step,
          expectedVersion: version,
          missing: ["请写明所需信息的年份"],
          now: new Date("2026-12-01T02:00:00Z"),
        })
      ).version;
    const abandon = {
      db: database.prisma,
      actor: actors.officer,
      trackingNumber,
      step: "abandon" as const,
      expectedVersion: version,
      values: { trackingNumber, step: "abandon", expectedVersion: String(version) },
    };
    // within the correction period the step is refused on the first post, before any confirmation
    await expect(
      postRequestStep({ ...abandon, now: new Date("2026-12-03T02:00:00Z") }),
    ).rejects.toMatchObject({
      key: "correctionPeriodRunning",
    });
    const later = new Date("2027-01-15T02:00:00Z");
    const path = await postRequestStep({ ...abandon, now: later });
    expect(path).toMatch(new RegExp(`^/staff/requests/${trackingNumber}/confirm\\?form=`));
    expect(
      (
        await stepToConfirm({
          db: database.prisma,
          actor: actors.officer,
          id: formId(path),
          trackingNumber,
          steps: requestWorkflow.steps,
        })
      )?.step,
    ).toBe("abandon");
    const stored = () => database.prisma.disclosureRequest.findUniqueOrThrow({ where: { trackingNumber } });
    expect((await stored()).status).toBe("SUPPLEMENT");
    expect(await postRequestStep({ ...abandon, now: later, confirmed: "1" })).toBe(
      `/staff/requests/${trackingNumber}?done=abandon`,
    );
    expect((await stored()).status).toBe("ABANDONED");
  });
});
