import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { seedDemo } from "@/prisma/seed/seed";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { applyRequestStep, type TRequestStepInput } from "@/lib/disclosure/applyRequestStep";
import { outcomeCells } from "@/lib/disclosure/outcomes";
import { requestTable } from "@/lib/disclosure/annualReport";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma);
  for (const name of ["citizen", "citizen2", "officer", "supervisor", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

const form = (overrides: Record<string, string> = {}) =>
  ZDisclosureRequest.parse({
    department: "RSJ",
    requesterType: "PERSON",
    requesterName: "张晓明",
    idNumber: "510104199003071237",
    phone: "13800280001",
    email: "",
    address: "",
    description: "2025 年度本市就业补助资金使用情况",
    deliveryMethod: "download",
    ...overrides,
  });
const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function newRequest(
  actor: TSessionUser | null = actors.citizen,
  overrides: Record<string, string> = {},
) {
  return (await submitDisclosureRequest({ db: database.prisma, actor, request: form(overrides) }))
    .trackingNumber;
}

/** Runs steps in order, carrying the version. */
async function steps(
  trackingNumber: string,
  list: Omit<TRequestStepInput, "trackingNumber" | "expectedVersion">[],
) {
  let version = (await database.prisma.disclosureRequest.findUniqueOrThrow({ where: { trackingNumber } }))
    .version;
  let last;
  for (const step of list) {
    last = await applyRequestStep({ ...step, trackingNumber, expectedVersion: version, db: database.prisma });
    version = last.version;
  }
  return last!;
}

describe("filing a request", () => {
  it("gives a GK 办件编号 and waits for receipt confirmation, signed in or not", async () => {
    const anonymous = await submitDisclosureRequest({ db: database.prisma, actor: null, request: form() });
    expect(anonymous.trackingNumber).toMatch(/^GK\d{14}$/);
    expect(anonymous.status).toBe("SUBMITTED");
    const stored = await database.prisma.disclosureRequest.findUniqueOrThrow({
      where: { trackingNumber: anonymous.trackingNumber },
    });
    expect(stored).toMatchObject({ applicantId: null, receivedOn: null, dueOn: null });
  });

  it("checks the identifier by requester type and the contact the delivery needs", () => {
    const bad = ZDisclosureRequest.safeParse({
      ...form(),
      idNumber: "510104199003071234",
      deliveryMethod: "email",
      email: "",
    });
    expect(bad.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toContain(
      "idNumber:idNumberInvalid",
    );
    // a valid credit code given by a person is caught by the type check
    const mismatch = ZDisclosureRequest.safeParse({
      ...form(),
      idNumber: "91510100MA61RC8H2N",
      deliveryMethod: "email",
      email: "",
    });
    expect(mismatch.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort()).toEqual([
      "email:required",
      "idNumber:idCardInvalid",
    ]);
    const organisation = ZDisclosureRequest.safeParse({
      ...form(),
      requesterType: "BUSINESS",
      idNumber: "91510100MA61RC8H2N",
    });
    expect(organisation.success).toBe(true);
  });
});

describe("the officer's workflow on the statutory clock", () => {
  it("receipt, 补正 and correction, pause, one approved extension, then a 部分公开 reply with a letter number", async () => {
    const n = await newRequest();
    const officer = actors.officer;
    expect(await steps(n, [{ actor: officer, step: "confirmReceipt", now: at("2026-09-21") }])).toMatchObject(
      { firstDue: "2026-10-26" },
    );
    await steps(n, [
      {
        actor: officer,
        step: "requestSupplement",
        missing: ["请写明所需信息的时间范围"],
        now: at("2026-09-23"),
      },
    ]);
    await expect(
      steps(n, [{ actor: officer, step: "requestSupplement", missing: ["又一项"], now: at("2026-09-24") }]),
    ).rejects.toSatisfy((e) => e instanceof FormError);
    await expect(
      steps(n, [{ actor: actors.citizen2, step: "correct", reason: "x", now: at("2026-10-12") }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await steps(n, [
        { actor: actors.citizen, step: "correct", reason: "2025 年 1 月至 12 月", now: at("2026-10-12") },
      ]),
    ).toMatchObject({ firstDue: "2026-11-09" });
    // consulting a third party from 10-14 to 10-21 (5 working days) does not count
    expect(
      await steps(n, [
        { actor: officer, step: "pause", reason: "征求第三方意见", now: at("2026-10-14") },
        { actor: officer, step: "resume", now: at("2026-10-21") },
      ]),
    ).toMatchObject({ firstDue: "2026-11-16" });
    await steps(n, [
      {
        actor: officer,
        step: "requestExtension",
        days: 20,
        reason: "需要汇总多个单位的数据",
        now: at("2026-11-02"),
      },
    ]);
    await expect(
      steps(n, [{ actor: officer, step: "approveExtension", now: at("2026-11-03") }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await steps(n, [{ actor: actors.supervisor, step: "approveExtension", now: at("2026-11-03") }]),
    ).toMatchObject({ firstDue: "2026-11-16", due: "2026-12-14" });
    await expect(
      steps(n, [
        { actor: officer, step: "requestExtension", days: 5, reason: "again", now: at("2026-11-04") },
      ]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "extensionOnce");
    await steps(n, [
      {
        actor: officer,
        step: "reply",
        outcome: "PARTLY_DISCLOSED",
        legalBasis: "《政府信息公开条例》第三十七条",
        replyText: "部分内容涉及个人隐私，已作区分处理。",
        now: at("2026-11-20"),
      },
    ]);
    const stored = await database.prisma.disclosureRequest.findUniqueOrThrow({
      where: { trackingNumber: n },
    });
    expect(stored).toMatchObject({
      status: "REPLIED",
      outcome: "PARTLY_DISCLOSED",
      letterNumber: "人社局依申请公开〔2026〕1号",
    });
    expect(stored.receivedOn?.toISOString().slice(0, 10)).toBe("2026-09-21");
    expect(stored.extendedDueOn?.toISOString().slice(0, 10)).toBe("2026-12-14");
    expect(await database.prisma.auditLog.count({ where: { entityId: n, outcome: "ALLOWED" } })).toBe(7);
  });

  it("refuses an extension approved after the first deadline", async () => {
    const n = await newRequest();
    await steps(n, [
      { actor: actors.officer, step: "confirmReceipt", now: at("2026-09-21") },
      {
        actor: actors.officer,
        step: "requestExtension",
        days: 10,
        reason: "数据量大",
        now: at("2026-10-20"),
      },
    ]);
    await expect(
      steps(n, [{ actor: actors.supervisor, step: "approveExtension", now: at("2026-10-27") }]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "extensionAfterDeadline");
  });

  it("keeps another department's requests away from an officer, and audits it", async () => {
    const n = await newRequest(actors.citizen, { department: "MZJ" });
    await expect(steps(n, [{ actor: actors.officer, step: "confirmReceipt" }])).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(steps(n, [{ actor: actors.caseworker, step: "confirmReceipt" }])).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await database.prisma.auditLog.count({ where: { entityId: n, outcome: "DENIED" } })).toBe(2);
  });

  it("abandons a request only after the correction period", async () => {
    const n = await newRequest();
    await steps(n, [
      { actor: actors.officer, step: "confirmReceipt", now: at("2026-11-02") },
      {
        actor: actors.officer,
        step: "requestSupplement",
        missing: ["申请内容不明确"],
        now: at("2026-11-03"),
      },
    ]);
    await expect(
      steps(n, [{ actor: actors.officer, step: "abandon", now: at("2026-11-10") }]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "correctionPeriodRunning");
    await steps(n, [{ actor: actors.officer, step: "abandon", now: at("2026-11-25") }]);
    expect(
      await database.prisma.disclosureRequest.findUniqueOrThrow({ where: { trackingNumber: n } }),
    ).toMatchObject({ status: "ABANDONED", outcome: "OTHER", outcomeSub: "NO_CORRECTION" });
  });
});

describe("the annual report's request table", () => {
  it("puts every outcome in its cell and balances: 新收 + 上年结转 = 办理结果 + 结转下年", async () => {
    await database.prisma.disclosureRequest.deleteMany({});
    const types = ["PERSON", "BUSINESS", "RESEARCH", "NONPROFIT", "LEGAL", "OTHER"] as const;
    for (const [index, cell] of outcomeCells.entries()) {
      const type = types[index % types.length];
      const n = await newRequest(
        actors.citizen,
        type === "PERSON" ? {} : { requesterType: type, idNumber: "91510100MA61RC8H2N" },
      );
      await steps(n, [
        { actor: actors.officer, step: "confirmReceipt", now: at("2026-03-02") },
        {
          actor: actors.officer,
          step: "reply",
          outcome: cell.category,
          outcomeSub: cell.sub,
          legalBasis: "《政府信息公开条例》",
          replyText: "答复",
          now: at("2026-03-20"),
        },
      ]);
    }
    const carriedIn = await newRequest();
    await steps(carriedIn, [
      { actor: actors.officer, step: "confirmReceipt", now: at("2025-12-22") },
      {
        actor: actors.officer,
        step: "reply",
        outcome: "DISCLOSED",
        legalBasis: "条例",
        replyText: "予以公开",
        now: at("2026-01-12"),
      },
    ]);
    const carriedOut = await newRequest();
    await steps(carriedOut, [{ actor: actors.officer, step: "confirmReceipt", now: at("2026-12-28") }]);
    const withdrawn = await newRequest();
    await steps(withdrawn, [
      { actor: actors.officer, step: "confirmReceipt", now: at("2026-05-06") },
      { actor: actors.citizen, step: "withdraw", now: at("2026-05-08") },
    ]);
    await newRequest(); // never received: not counted

    const table = await requestTable({ db: database.prisma, year: 2026 });
    expect(table.balanced).toBe(true);
    expect(table.newReceived.TOTAL).toBe(outcomeCells.length + 2);
    expect(table.carriedIn.TOTAL).toBe(1);
    expect(table.carriedOut.TOTAL).toBe(1);
    for (const [index, cell] of outcomeCells.entries()) {
      const row = table.results.find((r) => r.category === cell.category && r.sub === cell.sub)!;
      const type = types[index % types.length];
      const extra =
        (cell.category === "DISCLOSED" ? 1 : 0) +
        (cell.category === "OTHER" && cell.sub === "OTHERS" ? 1 : 0);
      expect(row.columns.TOTAL, `${cell.category}/${cell.sub}`).toBe(1 + extra);
      expect(row.columns[type], `${cell.category}/${cell.sub} in ${type}`).toBeGreaterThanOrEqual(1);
    }
    const previous = await requestTable({ db: database.prisma, year: 2025 });
    expect(previous).toMatchObject({ balanced: true });
    expect(previous.carriedOut.TOTAL).toBe(1);
  });
});

describe("due marks for requests", () => {
  it("flags overdue and due-soon running requests on working days", async () => {
    const { requestDueFlag } = await import("@/lib/disclosure/requestQueries");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(requestDueFlag("PROCESSING", day("2026-11-25"), "2026-11-26")).toBe("overdue");
    expect(requestDueFlag("RECEIVED", day("2026-11-30"), "2026-11-27")).toBe("soon");
    expect(requestDueFlag("PROCESSING", day("2026-12-20"), "2026-11-26")).toBeNull();
    expect(requestDueFlag("REPLIED", day("2026-11-01"), "2026-11-26")).toBeNull();
    expect(requestDueFlag("SUPPLEMENT", day("2026-11-01"), "2026-11-26")).toBeNull();
  });
});
