import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
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
  database = await createTestDatabase({ seeded: true });
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
  submittedOn?: string,
) {
  return (
    await submitDisclosureRequest({
      db: database.prisma,
      actor,
      request: form(overrides),
      now: submittedOn ? at(submittedOn) : undefined,
    })
  ).trackingNumber;
}

/**
 * Runs steps in order, carrying the version. An online request is received the day it was
 * submitted: unless a test says otherwise, its request was submitted on the day the officer
 * confirms receipt.
 */
async function steps(
  trackingNumber: string,
  list: Omit<TRequestStepInput, "trackingNumber" | "expectedVersion">[],
) {
  let version = (await database.prisma.disclosureRequest.findUniqueOrThrow({ where: { trackingNumber } }))
    .version;
  let last;
  for (const step of list) {
    if (step.step === "confirmReceipt" && !step.channel && step.now)
      await database.prisma.disclosureRequest.updateMany({
        where: { trackingNumber, createdAt: { gt: step.now } },
        data: { createdAt: step.now },
      });
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
      letterNumber: "成人社公开〔2026〕1号",
    });
    expect(stored.receivedOn?.toISOString().slice(0, 10)).toBe("2026-09-21");
    expect(stored.extendedDueOn?.toISOString().slice(0, 10)).toBe("2026-12-14");
    // the letter as the applicant downloads it: every field of its legal form, from the database
    const { getReplyLetter } = await import("@/lib/disclosure/replyLetter");
    const letter = await getReplyLetter({
      db: database.prisma,
      trackingNumber: n,
      accessCode: stored.accessCode,
      locale: "zh-Hans",
    });
    const { readPdf } = await import("../helpers/pdf");
    const { text } = await readPdf(letter!.bytes);
    for (const expected of [
      "成都市人力资源和社会保障局政府信息公开申请答复书",
      "成人社公开〔2026〕1号",
      "张晓明：",
      "本机关于2026年9月21日收到",
      "2025年度本市就业补助资金使用情况",
      "经补正，您申请获取的政府信息为：2025年1月至12月",
      "部分公开",
      "《政府信息公开条例》第三十七条",
      "向成都市人民政府申请行政复议",
      "向成都铁路运输第一法院提起行政诉讼",
      "（印章）2026年11月20日",
    ])
      expect(text, expected).toContain(expected);
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
      await steps(n, [{ actor: actors.officer, step: "confirmReceipt", now: at("2026-03-02") }]);
      // 逾期不补正 and 逾期未缴费 come only from their own steps, after their periods
      if (cell.sub === "NO_CORRECTION")
        await steps(n, [
          { actor: actors.officer, step: "requestSupplement", missing: ["时间范围"], now: at("2026-03-03") },
          { actor: actors.officer, step: "abandon", now: at("2026-04-20") },
        ]);
      else if (cell.sub === "FEE_UNPAID")
        await steps(n, [
          {
            actor: actors.officer,
            step: "issueFeeNotice",
            amount: 100,
            reason: "按件计收",
            now: at("2026-03-03"),
          },
          { actor: actors.officer, step: "feeUnpaid", now: at("2026-04-20") },
        ]);
      else
        await steps(n, [
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

describe("the receipt date, the 补正 period and the fee pause (issue 15)", () => {
  it("counts from the real receipt date: the submission day online, the day recorded for post", async () => {
    // submitted online on Friday 11-06, confirmed by the officer only on Wednesday 11-11
    const online = await newRequest(actors.citizen, {}, "2026-11-06");
    expect(
      await steps(online, [
        { actor: actors.officer, step: "confirmReceipt", channel: "online", now: at("2026-11-11") },
      ]),
    ).toMatchObject({ firstDue: "2026-12-04" });
    const stored = await database.prisma.disclosureRequest.findUniqueOrThrow({
      where: { trackingNumber: online },
    });
    expect(stored.receivedOn?.toISOString().slice(0, 10)).toBe("2026-11-06");
    expect(stored.channel).toBe("online");

    // a posted application, signed for on Monday 11-02, keyed in and confirmed on 11-05
    const posted = await newRequest(actors.citizen, {}, "2026-11-05");
    const confirm = (receivedOn: string | undefined) =>
      steps(posted, [
        { actor: actors.officer, step: "confirmReceipt", channel: "post", receivedOn, now: at("2026-11-05") },
      ]);
    await expect(confirm(undefined)).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "required" && e.field === "receivedOn",
    );
    await expect(confirm("2026-11-06")).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "receivedInFuture",
    );
    await expect(confirm("2026-02-30")).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "dateFormat",
    );
    expect(await confirm("2026-11-02")).toMatchObject({ firstDue: "2026-11-30" });
    const event = await database.prisma.disclosureEvent.findFirstOrThrow({
      where: { request: { trackingNumber: posted }, kind: "confirmReceipt" },
    });
    expect(event.data).toMatchObject({ channel: "post", clock: { type: "received", day: "2026-11-02" } });
  });

  it("flags requests not confirmed a working day after submission", async () => {
    const { unconfirmedRequests, isUnconfirmedLate } = await import("@/lib/disclosure/requestQueries");
    // Friday 11-06 → the next working day is Monday 11-09: late from Tuesday 11-10
    expect(isUnconfirmedLate("SUBMITTED", new Date("2026-11-06T02:00:00Z"), "2026-11-09")).toBe(false);
    expect(isUnconfirmedLate("SUBMITTED", new Date("2026-11-06T02:00:00Z"), "2026-11-10")).toBe(true);
    expect(isUnconfirmedLate("RECEIVED", new Date("2026-11-06T02:00:00Z"), "2026-11-10")).toBe(false);
    const late = await newRequest(actors.citizen, {}, "2026-11-06");
    const list = await unconfirmedRequests({
      db: database.prisma,
      actor: actors.supervisor,
      now: at("2026-11-10"),
    });
    expect(list.map((r) => r.trackingNumber)).toContain(late);
    expect(
      await unconfirmedRequests({ db: database.prisma, actor: actors.citizen, now: at("2026-11-10") }),
    ).toEqual([]);
  });

  it("states the 补正 period (a setting) and its end; 逾期不补正 only after it", async () => {
    const { saveDisclosureSettings } = await import("@/lib/settings/queries");
    const { applicantPeriods, offeredOn } = await import("@/lib/disclosure/requestWorkflow");
    await expect(
      saveDisclosureSettings({
        db: database.prisma,
        actor: actors.officer,
        settings: { correctionPeriodWorkingDays: 10 },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const admin = (await loadSessionUser({
      db: database.prisma,
      userId: (await database.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.cn" } })).id,
    }))!;
    await saveDisclosureSettings({
      db: database.prisma,
      actor: admin,
      settings: { correctionPeriodWorkingDays: 10 },
    });
    try {
      const n = await newRequest();
      await steps(n, [
        { actor: actors.officer, step: "confirmReceipt", now: at("2026-11-02") },
        { actor: actors.officer, step: "requestSupplement", missing: ["时间范围"], now: at("2026-11-03") },
      ]);
      const request = await database.prisma.disclosureRequest.findUniqueOrThrow({
        where: { trackingNumber: n },
        include: { events: { orderBy: { createdAt: "asc" } } },
      });
      // 10 working days from Tuesday 11-03: Tuesday 11-17
      expect(applicantPeriods(request.events)).toMatchObject({ correctionDue: "2026-11-17" });
      expect(request.events.at(-1)?.data).toMatchObject({ correctionDays: 10, correctionDue: "2026-11-17" });
      expect(request.dueOn).toBeNull(); // the clock is stopped while 补正 is pending
      expect(offeredOn(["abandon", "withdraw"], request, "2026-11-17")).toEqual(["withdraw"]);
      expect(offeredOn(["abandon"], request, "2026-11-18")).toEqual(["abandon"]);
      await expect(
        steps(n, [{ actor: actors.officer, step: "abandon", now: at("2026-11-17") }]),
      ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "correctionPeriodRunning");
      await steps(n, [{ actor: actors.officer, step: "abandon", now: at("2026-11-18") }]);
    } finally {
      await database.prisma.siteSetting.deleteMany({ where: { key: "disclosure" } });
    }
    // a request never sent for 补正 cannot be closed as 逾期不补正, nor replied to as one
    const plain = await newRequest();
    await steps(plain, [{ actor: actors.officer, step: "confirmReceipt", now: at("2026-11-02") }]);
    await expect(
      steps(plain, [{ actor: actors.officer, step: "abandon", now: at("2026-12-28") }]),
    ).rejects.toBeInstanceOf(FormError);
    await expect(
      steps(plain, [
        {
          actor: actors.officer,
          step: "reply",
          outcome: "OTHER",
          outcomeSub: "NO_CORRECTION",
          legalBasis: "条例第三十条",
          replyText: "逾期",
          now: at("2026-11-20"),
        },
      ]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "outcomeOwnStep");
  });

  it("pauses the clock from a fee notice to its payment; 逾期未缴费 only after 20 working days", async () => {
    const n = await newRequest();
    await steps(n, [{ actor: actors.officer, step: "confirmReceipt", now: at("2026-11-02") }]); // due 11-30
    await expect(
      steps(n, [
        { actor: actors.officer, step: "issueFeeNotice", amount: 0, reason: "x", now: at("2026-11-04") },
      ]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.field === "amount");
    await steps(n, [
      {
        actor: actors.officer,
        step: "issueFeeNotice",
        amount: 200,
        reason: "按件计收：本月第 12、13 件",
        now: at("2026-11-04"),
      },
    ]);
    const noticed = await database.prisma.disclosureRequest.findUniqueOrThrow({
      where: { trackingNumber: n },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(noticed.status).toBe("FEE_PENDING");
    const { applicantPeriods } = await import("@/lib/disclosure/requestWorkflow");
    expect(applicantPeriods(noticed.events)).toMatchObject({ feeDue: "2026-12-02", feeAmount: 200 });
    await expect(
      steps(n, [{ actor: actors.officer, step: "feeUnpaid", now: at("2026-12-02") }]),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "feePeriodRunning");
    // paid on 11-11: the 5 working days from the notice do not count, the deadline moves to 12-07
    expect(
      await steps(n, [{ actor: actors.officer, step: "recordPayment", now: at("2026-11-11") }]),
    ).toMatchObject({ firstDue: "2026-12-07" });

    const unpaid = await newRequest();
    await steps(unpaid, [
      { actor: actors.officer, step: "confirmReceipt", now: at("2026-11-02") },
      {
        actor: actors.officer,
        step: "issueFeeNotice",
        amount: 100,
        reason: "按件计收",
        now: at("2026-11-04"),
      },
      { actor: actors.officer, step: "feeUnpaid", now: at("2026-12-03") },
    ]);
    expect(
      await database.prisma.disclosureRequest.findUniqueOrThrow({ where: { trackingNumber: unpaid } }),
    ).toMatchObject({ status: "ABANDONED", outcome: "OTHER", outcomeSub: "FEE_UNPAID" });
  });

  it("recomputes provisional deadlines when the year's calendar arrives, and records the change", async () => {
    const { saveCalendarOverrides } = await import("@/lib/deadlines/saveCalendarOverrides");
    // 2099 has no data in the package: Monday–Friday, provisional
    const n = await newRequest(actors.citizen, {}, "2099-01-05");
    await steps(n, [{ actor: actors.officer, step: "confirmReceipt", now: at("2099-01-05") }]);
    const before = await database.prisma.disclosureRequest.findUniqueOrThrow({
      where: { trackingNumber: n },
    });
    expect(before).toMatchObject({ dueProvisional: true });
    expect(before.dueOn?.toISOString().slice(0, 10)).toBe("2099-02-02");
    const admin = (await loadSessionUser({
      db: database.prisma,
      userId: (await database.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.cn" } })).id,
    }))!;
    await expect(
      saveCalendarOverrides({
        db: database.prisma,
        actor: actors.supervisor,
        calendar: { holidays: [], workdays: [], years: [2099] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // the administrator enters 2099 with a holiday on 01-20
    const result = await saveCalendarOverrides({
      db: database.prisma,
      actor: admin,
      calendar: { holidays: ["2099-01-20"], workdays: [], years: [2099] },
      now: at("2099-01-12"),
    });
    try {
      expect(result.requests).toBeGreaterThanOrEqual(1);
      const after = await database.prisma.disclosureRequest.findUniqueOrThrow({
        where: { trackingNumber: n },
        include: { events: { where: { kind: "deadlineRecomputed" } } },
      });
      expect(after).toMatchObject({ dueProvisional: false });
      expect(after.calendarVersion).toMatch(/\+local\./);
      expect(after.dueOn?.toISOString().slice(0, 10)).toBe("2099-02-03");
      expect(after.events).toHaveLength(1);
      expect(after.events[0].data).toMatchObject({
        from: { dueOn: "2099-02-02" },
        to: { dueOn: "2099-02-03" },
        provisional: false,
      });
      // run again: nothing left to change
      const { recomputeProvisionalDeadlines } = await import("@/lib/deadlines/recomputeDeadlines");
      expect(await recomputeProvisionalDeadlines({ db: database.prisma, now: at("2099-01-12") })).toEqual({
        requests: 0,
        cases: 0,
      });
    } finally {
      await database.prisma.siteSetting.deleteMany({ where: { key: "calendar" } });
    }
  });
});
