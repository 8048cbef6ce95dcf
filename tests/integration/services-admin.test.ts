import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { updateService, ZServiceEdit } from "@/lib/services/updateService";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { serviceValues } from "@/components/staff/serviceFields";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["admin", "supervisor"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

/** The edit form as the page fills it in. */
async function formFor(code: string) {
  const s = await database.prisma.service.findUniqueOrThrow({ where: { code } });
  return { ...serviceValues(s), code, expectedVersion: String(s.version), published: "yes" };
}

describe("editing a service's guide and form", () => {
  it("saves a valid edit, bumps the version and audits it", async () => {
    const form = await formFor("RS-JYDJ-001");
    const edit = ZServiceEdit.parse({ ...form, fee: "不收费（含工本费）", promisedDays: "2" });
    await updateService({ db: database.prisma, actor: actors.admin, edit });
    const saved = await database.prisma.service.findUniqueOrThrow({ where: { code: "RS-JYDJ-001" } });
    expect(saved).toMatchObject({ fee: "不收费（含工本费）", promisedDays: 2, version: 2 });
    expect(
      await database.prisma.auditLog.count({
        where: { action: "service.update", entityId: "RS-JYDJ-001", outcome: "ALLOWED" },
      }),
    ).toBe(1);
    // the form seen before the save is now stale
    await expect(updateService({ db: database.prisma, actor: actors.admin, edit })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "serviceChanged",
    );
  });

  it("gives field errors for bad JSON, a bad form definition, bad phones and promised > statutory", async () => {
    const form = await formFor("MZ-DBSQ-001");
    const result = ZServiceEdit.safeParse({
      ...form,
      legalBasis: "{not json",
      form: JSON.stringify({ steps: [] }),
      consultPhone: "12345",
      promisedDays: "99",
      statutoryDays: "20",
      themes: "nonsense",
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(errors).toMatchObject({
      legalBasis: "jsonInvalid",
      form: "jsonSchema",
      consultPhone: "phoneFormat",
      themes: "themesInvalid",
    });
    const order = ZServiceEdit.safeParse({ ...form, promisedDays: "30", statutoryDays: "20" });
    expect(order.error?.issues.map((i) => i.message)).toContain("promisedAboveStatutory");
    const count = ZServiceEdit.safeParse({ ...form, statutoryDayCount: "FORTNIGHTS" });
    expect(count.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual([
      "statutoryDayCount",
      "choose",
    ]);
  });

  it("saves a period no law sets (empty), and one the law counts in calendar days with its source", async () => {
    const unset = ZServiceEdit.parse({
      ...(await formFor("NY-NJBT-001")),
      statutoryDays: "",
      promisedDays: "25",
    });
    expect(unset).toMatchObject({ statutoryDays: null, statutorySource: null });
    await updateService({ db: database.prisma, actor: actors.admin, edit: unset });
    const calendar = ZServiceEdit.parse({
      ...(await formFor("NY-NJBT-001")),
      statutoryDays: "30",
      statutoryDayCount: "CALENDAR",
      statutorySource: "  《中华人民共和国农业机械化促进法》第二十七条 ",
    });
    await updateService({ db: database.prisma, actor: actors.admin, edit: calendar });
    expect(await database.prisma.service.findUniqueOrThrow({ where: { code: "NY-NJBT-001" } })).toMatchObject(
      {
        statutoryDays: 30,
        statutoryDayCount: "CALENDAR",
        statutorySource: "《中华人民共和国农业机械化促进法》第二十七条",
        version: 3,
      },
    );
  });

  it("refuses anyone but an administrator, and audits the refusal", async () => {
    const edit = ZServiceEdit.parse(await formFor("MZ-DBSQ-001"));
    await expect(
      updateService({ db: database.prisma, actor: actors.supervisor, edit }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { action: "service.update", entityId: "MZ-DBSQ-001", outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});
