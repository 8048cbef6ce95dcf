import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { savePlace, ZPlace } from "@/lib/places/managePlaces";
import { myCommunityCodes, setMyCommunities } from "@/lib/places/myCommunities";
import { latestNotices, listNotices } from "@/lib/notices/queries";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["admin", "editor", "citizen"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

describe("places kept by administrators", () => {
  it("adds a street and a village under it, renames by code, and audits", async () => {
    expect(
      await savePlace({
        db: database.prisma,
        actor: actors.admin,
        place: ZPlace.parse({
          level: "street",
          code: "510117102",
          name: "友爱镇",
          nameEn: "Youai Town",
          rural: "yes",
        }),
      }),
    ).toBe("created");
    expect(
      await savePlace({
        db: database.prisma,
        actor: actors.admin,
        place: ZPlace.parse({
          level: "community",
          code: "510117102201",
          name: "农科村",
          nameEn: "Nongke Village",
          rural: "yes",
        }),
      }),
    ).toBe("created");
    expect(
      await savePlace({
        db: database.prisma,
        actor: actors.admin,
        place: ZPlace.parse({
          level: "community",
          code: "510117102201",
          name: "农科村村",
          nameEn: "Nongke Village",
          rural: "yes",
        }),
      }),
    ).toBe("renamed");
    const village = await database.prisma.community.findUniqueOrThrow({
      where: { code: "510117102201" },
      include: { street: true },
    });
    expect(village).toMatchObject({
      name: "农科村村",
      village: true,
      street: { code: "510117102", rural: true },
    });
    expect(
      await database.prisma.auditLog.count({
        where: { entityType: "Place", entityId: "510117102201", outcome: "ALLOWED" },
      }),
    ).toBe(2);
  });

  it("refuses a wrong code length, a missing parent and anyone but an administrator", () => {
    expect(
      ZPlace.safeParse({ level: "street", code: "510117", name: "x", nameEn: "x", rural: "no" }).error
        ?.issues[0].message,
    ).toBe("placeCodeLength|9");
    return Promise.all([
      expect(
        savePlace({
          db: database.prisma,
          actor: actors.admin,
          place: ZPlace.parse({
            level: "community",
            code: "510199001001",
            name: "x",
            nameEn: "x",
            rural: "no",
          }),
        }),
      ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "placeParentMissing"),
      expect(
        savePlace({
          db: database.prisma,
          actor: actors.editor,
          place: ZPlace.parse({ level: "district", code: "510199", name: "x", nameEn: "x", rural: "no" }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError),
    ]);
  });
});

describe("a resident's own communities", () => {
  it("are saved, and their notices come first in the list and on the home page", async () => {
    const before = await listNotices({ filter: {} });
    const lastCommunity = before.items.at(-1)!.targets[0].community.code;
    await setMyCommunities({ db: database.prisma, actor: actors.citizen, codes: [lastCommunity] });
    expect(await myCommunityCodes({ userId: actors.citizen.id })).toEqual([lastCommunity]);
    const mine = await listNotices({ filter: {}, mine: [lastCommunity] });
    expect(mine.total).toBe(before.total);
    const firstOthers = mine.items.findIndex((n) => !n.mine);
    expect(
      mine.items
        .slice(0, firstOthers === -1 ? undefined : firstOthers)
        .every((n) => n.targets.some((t) => t.community.code === lastCommunity)),
    ).toBe(true);
    expect(mine.items[0].mine).toBe(true);
    expect(
      mine.items
        .filter((n) => !n.mine)
        .every((n) => !n.targets.some((t) => t.community.code === lastCommunity)),
    ).toBe(true);
    // the same notices, in a different order
    expect(new Set(mine.items.map((n) => n.id))).toEqual(new Set(before.items.map((n) => n.id)));
    expect((await latestNotices({ limit: 3, mine: [lastCommunity] }))[0].mine).toBe(true);
  });

  it("refuses unknown communities and more than 20, and staff", async () => {
    await expect(
      setMyCommunities({ db: database.prisma, actor: actors.citizen, codes: ["510104009009"] }),
    ).rejects.toBeInstanceOf(FormError);
    await expect(
      setMyCommunities({
        db: database.prisma,
        actor: actors.citizen,
        codes: Array.from({ length: 21 }, (_, i) => `5101040010${String(i).padStart(2, "0")}`),
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "tooManyChoices|20");
    await expect(
      setMyCommunities({ db: database.prisma, actor: actors.editor, codes: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
