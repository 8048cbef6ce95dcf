import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { requestFormDefaults } from "@/lib/disclosure/requestQueries";
import { getAccountOverview } from "@/lib/users/queries";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "citizen2", "org", "officer"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

describe("a signed-in citizen's disclosure request form", () => {
  it("starts from their profile: name, ID number, phone, e-mail, and 公民 for a person", async () => {
    expect(await requestFormDefaults({ db: database.prisma, actor: actors.citizen })).toEqual({
      requesterName: "张晓明",
      idNumber: "510104199003071237",
      phone: "13800280001",
      email: "citizen@example.cn",
      requesterType: "PERSON",
    });
  });

  it("leaves out what the profile lacks, and the kind of an organisation", async () => {
    // citizen2 has no ID number on file
    expect(await requestFormDefaults({ db: database.prisma, actor: actors.citizen2 })).not.toHaveProperty(
      "idNumber",
    );
    const org = await requestFormDefaults({ db: database.prisma, actor: actors.org });
    expect(org).toMatchObject({ requesterName: "成都蓉城科技有限公司", idNumber: "91510100MA61RC8H2N" });
    expect(org).not.toHaveProperty("requesterType");
  });

  it("fills nothing for a visitor, a member of staff, or a closed account", async () => {
    expect(await requestFormDefaults({ db: database.prisma, actor: null })).toBeNull();
    expect(await requestFormDefaults({ db: database.prisma, actor: actors.officer })).toBeNull();
    await database.prisma.user.update({ where: { id: actors.citizen2.id }, data: { closedAt: new Date() } });
    expect(await requestFormDefaults({ db: database.prisma, actor: actors.citizen2 })).toBeNull();
    await database.prisma.user.update({ where: { id: actors.citizen2.id }, data: { closedAt: null } });
  });
});

describe("my disclosure requests in the account", () => {
  it("lists the citizen's own requests with office, subject, status and deadline, never another's", async () => {
    const request = (description: string) =>
      ZDisclosureRequest.parse({
        department: "RSJ",
        requesterType: "PERSON",
        requesterName: "张晓明",
        idNumber: "510104199003071237",
        phone: "13800280001",
        email: "",
        address: "",
        description,
        deliveryMethod: "download",
      });
    const mine = await submitDisclosureRequest({
      db: database.prisma,
      actor: actors.citizen,
      request: request("本市就业补助资金使用情况"),
    });
    const theirs = await submitDisclosureRequest({
      db: database.prisma,
      actor: actors.citizen2,
      request: request("另一位市民的申请"),
    });
    const overview = await getAccountOverview({ db: database.prisma, actor: actors.citizen });
    const numbers = overview!.requests.map((r) => r.trackingNumber);
    expect(numbers).toContain(mine.trackingNumber);
    expect(numbers).not.toContain(theirs.trackingNumber);
    const row = overview!.requests.find((r) => r.trackingNumber === mine.trackingNumber)!;
    expect(row).toMatchObject({
      status: "SUBMITTED",
      description: "本市就业补助资金使用情况",
      department: { name: "成都市人力资源和社会保障局" },
      dueOn: null,
      extendedDueOn: null,
    });
  });
});
