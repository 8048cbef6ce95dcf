import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { applyRequestStep } from "@/lib/disclosure/applyRequestStep";
import {
  buildReport,
  publishReport,
  publishedReport,
  reportForKeeper,
  saveReportFigures,
} from "@/lib/disclosure/annualReports";
import { emptyFigures, type TReportFigures } from "@/lib/disclosure/reportFigures";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { cachePage, isCached as cached } from "../helpers/pageCache";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "officer", "supervisor", "admin", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** A request to 人社局, received and replied to (予以公开) in 2027. */
async function repliedRequest() {
  const { trackingNumber } = await submitDisclosureRequest({
    db: database.prisma,
    actor: actors.citizen,
    now: at("2027-03-01"),
    request: ZDisclosureRequest.parse({
      department: "RSJ",
      requesterType: "PERSON",
      requesterName: "张晓明",
      idNumber: "510104199003071237",
      phone: "13800280001",
      email: "",
      address: "",
      description: "2026 年度就业补助资金使用情况",
      deliveryMethod: "download",
    }),
  });
  let { version } = await applyRequestStep({
    db: database.prisma,
    actor: actors.officer,
    step: "confirmReceipt",
    trackingNumber,
    expectedVersion: 1,
    now: at("2027-03-01"),
  });
  ({ version } = await applyRequestStep({
    db: database.prisma,
    actor: actors.officer,
    step: "reply",
    trackingNumber,
    expectedVersion: version,
    outcome: "DISCLOSED",
    legalBasis: "《政府信息公开条例》第三十六条",
    replyText: "予以公开",
    now: at("2027-03-10"),
  }));
  return trackingNumber;
}

const rsjFigures: TReportFigures = {
  part2: {
    ...emptyFigures.part2,
    normativeDocuments: { made: 3, repealed: 1, inForce: 42 },
    licensing: 1250,
    punishment: 37,
    enforcement: 2,
    feesTenThousandYuan: 12.5,
  },
  part4: {
    review: { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 },
    directSuit: { upheld: 1, corrected: 0, other: 1, pending: 0, total: 2 },
    suitAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
  },
  problems: "依申请公开答复的说理还不够充分。",
  other: "本年度未收取信息处理费。",
};

describe("the annual report in the national format (国办公开办函〔2021〕30号)", () => {
  it("keeps the hand-entered figures; part four must balance; only the department's keepers may", async () => {
    await expect(
      saveReportFigures({
        db: database.prisma,
        actor: actors.supervisor,
        year: 2027,
        scope: "RSJ",
        figures: {
          ...rsjFigures,
          part4: { ...rsjFigures.part4, review: { ...rsjFigures.part4.review, total: 5 } },
        },
      }),
    ).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "part4Unbalanced" && e.field === "part4.review.total",
    );
    for (const actor of [actors.caseworker, actors.citizen])
      await expect(
        saveReportFigures({ db: database.prisma, actor, year: 2027, scope: "RSJ", figures: rsjFigures }),
      ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveReportFigures({
        db: database.prisma,
        actor: actors.supervisor,
        year: 2027,
        scope: "MZJ",
        figures: rsjFigures,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({ where: { entityType: "AnnualReport", outcome: "DENIED" } }),
    ).toBe(3);
    await saveReportFigures({
      db: database.prisma,
      actor: actors.officer,
      year: 2027,
      scope: "RSJ",
      figures: rsjFigures,
    });
    expect(
      (await reportForKeeper({ db: database.prisma, actor: actors.supervisor, year: 2027, scope: "RSJ" }))
        .figures,
    ).toEqual(rsjFigures);
  });

  it("builds the department's report and the city's total, with part three from the requests", async () => {
    await repliedRequest();
    const department = await buildReport({ db: database.prisma, year: 2027, scope: "RSJ" });
    expect(department.issuer).toBe("成都市人力资源和社会保障局");
    expect(department.part3.balanced).toBe(true);
    expect(department.part3.newReceived.TOTAL).toBe(1);
    expect(department.part3.results.find((r) => r.category === "DISCLOSED")?.columns.PERSON).toBe(1);
    expect(department.figures.part2.licensing).toBe(1250);
    // the city adds its own figures to every department's
    await saveReportFigures({
      db: database.prisma,
      actor: actors.admin,
      year: 2027,
      scope: "CITY",
      figures: {
        ...emptyFigures,
        part2: {
          ...emptyFigures.part2,
          regulations: { made: 2, repealed: 0, inForce: 58 },
          feesTenThousandYuan: 0.25,
        },
        part4: { ...emptyFigures.part4, review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 } },
      },
    });
    const city = await buildReport({ db: database.prisma, year: 2027, scope: "CITY" });
    expect(city.issuer).toBe("成都市人民政府");
    expect(city.figures.part2.regulations).toEqual({ made: 2, repealed: 0, inForce: 58 });
    expect(city.figures.part2.normativeDocuments).toEqual({ made: 3, repealed: 1, inForce: 42 });
    expect(city.figures.part2.feesTenThousandYuan).toBe(12.75);
    expect(city.figures.part4.review).toEqual({ upheld: 3, corrected: 1, other: 0, pending: 1, total: 5 });
    expect(city.part3.newReceived.TOTAL).toBeGreaterThanOrEqual(1);
  });

  it("freezes a published report: later requests and figures do not alter it", async () => {
    await expect(
      publishReport({ db: database.prisma, actor: actors.officer, year: 2027, scope: "RSJ" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await publishedReport({ db: database.prisma, year: 2027, scope: "RSJ" })).toBeNull();
    const reportPage = "plain /zh-Hans/disclosure/annual-report/2027";
    await cachePage(reportPage);
    expect(cached(reportPage)).toBe(true);
    const published = await publishReport({
      db: database.prisma,
      actor: actors.supervisor,
      year: 2027,
      scope: "RSJ",
      now: at("2028-01-20"),
    });
    // the public report page shows it at once: the cached copies are dropped
    expect(cached(reportPage)).toBe(false);
    // a request received and answered changes the live figures (of the city's report, say): the
    // steps drop the cached pages too
    await cachePage(reportPage);
    await repliedRequest(); // a later change to the year's data
    expect(cached(reportPage)).toBe(false);
    await expect(
      saveReportFigures({
        db: database.prisma,
        actor: actors.supervisor,
        year: 2027,
        scope: "RSJ",
        figures: { ...rsjFigures, problems: "改写" },
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "reportPublished");
    const frozen = await publishedReport({ db: database.prisma, year: 2027, scope: "RSJ" });
    expect(frozen).toEqual(JSON.parse(JSON.stringify(published)));
    expect(frozen?.part3.newReceived.TOTAL).toBe(1);
    expect(
      (await buildReport({ db: database.prisma, year: 2027, scope: "RSJ" })).part3.newReceived.TOTAL,
    ).toBe(2);
    await expect(
      publishReport({ db: database.prisma, actor: actors.supervisor, year: 2027, scope: "RSJ" }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "reportPublished");
    // the download is the frozen report: every part in the national format's order
    const { publishedReportCsv } = await import("@/lib/disclosure/publishedReportCsv");
    const { getT } = await import("@/lib/i18n/server");
    const csv = publishedReportCsv(frozen!, await getT("zh-Hans", ["disclosure"]));
    const parts = [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理",
      "四、政府信息公开行政复议",
      "五、",
      "六、",
    ];
    const positions = parts.map((part) => csv.indexOf(part));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const line of [
      "行政规范性文件,3,1,42",
      "行政许可,1250",
      "行政事业性收费,12.5",
      "本年新收政府信息公开申请数量,1,0,0,0,0,0,1",
      "行政复议,2,1,0,1,4",
      "行政诉讼 · 未经复议直接起诉,1,0,1,0,2",
      "行政诉讼 · 复议后起诉,0,0,0,1,1",
      "依申请公开答复的说理还不够充分。",
    ])
      expect(csv, line).toContain(line);
  });
});
