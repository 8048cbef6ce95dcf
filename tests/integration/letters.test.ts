import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { letterSpecs } from "@/prisma/seed/letters";
import type { TSessionUser } from "@/lib/auth/types";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { applyLetterStep, type TLetterStepInput } from "@/lib/letters/applyLetterStep";
import { letterCodeMatches, readLetter, staffLetter, letterQueue } from "@/lib/letters/queries";
import { ZLetterLookup } from "@/lib/letters/letterLookup";
import { letterFigures } from "@/lib/letters/figures";
import { FormError } from "@/lib/shared/errors";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { cachePage, isCached } from "../helpers/pageCache";

const figuresPage = "plain /zh-Hans/letters/figures";
const cacheFigures = () => cachePage(figuresPage);
const figuresCached = () => isCached(figuresPage);

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "citizen2", "caseworker", "caseworker2", "supervisor", "admin", "officer"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

const letter = (overrides: Record<string, string> = {}) =>
  ZLetter.parse({
    kind: "COMPLAINT",
    mailbox: "RSJ",
    subject: "单位拖欠工资三个月",
    content: "我是张晓明，身份证号510104199003071237，电话13800280001。单位已拖欠工资三个月。",
    consentToPublish: "yes",
    ...overrides,
  });
const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function write(actor: TSessionUser | null = actors.citizen, overrides: Record<string, string> = {}) {
  return submitLetter({ db: database.prisma, actor, letter: letter(overrides) });
}

/** Runs steps in order, carrying the version. */
async function steps(number: string, list: Omit<TLetterStepInput, "number" | "expectedVersion">[]) {
  let version = (await database.prisma.letter.findUniqueOrThrow({ where: { number } })).version;
  for (const step of list) {
    version = (await applyLetterStep({ ...step, number, expectedVersion: version, db: database.prisma }))
      .version;
  }
  return database.prisma.letter.findUniqueOrThrow({ where: { number }, include: { events: true } });
}

/** Draft, sign-off and send: the reply as the writer receives it. */
const answer = (
  now?: Date,
  replyText = "已处理。",
): Omit<TLetterStepInput, "number" | "expectedVersion">[] => [
  { actor: actors.caseworker, step: "draft", replyText, now },
  { actor: actors.supervisor, step: "signOff", now },
  { actor: actors.caseworker, step: "send", now },
];

describe("writing a letter", () => {
  it("gives an XJ 信件编号 and a 查询码", async () => {
    const written = await write();
    expect(written.number).toMatch(/^XJ\d{14}$/);
    expect(written.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(written.status).toBe("SUBMITTED");
  });

  it("takes a question or suggestion without an account, never a complaint", async () => {
    await expect(write(null, { kind: "SUGGESTION" })).resolves.toMatchObject({ status: "SUBMITTED" });
    await expect(write(null, { kind: "COMPLAINT" })).rejects.toMatchObject({ key: "letterSignInNeeded" });
  });

  it("writes to the 市长信箱 and refuses an unknown mailbox", async () => {
    const mayor = await write(actors.citizen, { mailbox: "MAYOR" });
    const stored = await database.prisma.letter.findUniqueOrThrow({ where: { number: mayor.number } });
    expect(stored.departmentId).toBeNull();
    await expect(write(actors.citizen, { mailbox: "NOPE" })).rejects.toBeInstanceOf(FormError);
  });

  it("never gives two letters one number, however many are written at once", async () => {
    const written = await Promise.all(Array.from({ length: 25 }, () => write()));
    expect(new Set(written.map((w) => w.number)).size).toBe(25);
  });
});

describe("the reply", () => {
  it("counts the working days from acceptance to the reply sent", async () => {
    // the public figures count letters received, accepted and answered: each drops the cached page
    await cacheFigures();
    const { number } = await write();
    expect(figuresCached()).toBe(false);
    await cacheFigures();
    await steps(number, [{ actor: actors.caseworker, step: "accept", now: at("2026-11-02") }]);
    expect(figuresCached()).toBe(false);
    const replied = await steps(number, answer(at("2026-11-09")));
    expect(replied.workingDays).toBe(5);
    expect(replied.events.map((e) => e.kind)).toEqual(["submit", "accept", "draft", "signOff", "send"]);
  });
});

describe("publication and reading", () => {
  it("publishes a redacted copy: no ID number, phone or writer's name", async () => {
    const { number, accessCode } = await write();
    const published = await steps(number, [
      { actor: actors.caseworker, step: "accept" },
      ...answer(undefined, "张晓明您好：已责成单位补发工资。"),
      { actor: actors.caseworker, step: "publish" },
    ]);
    expect(published.status).toBe("PUBLISHED");
    expect(published.publicContent).toBe(
      "我是张**，身份证号******************，电话138****0001。单位已拖欠工资三个月。",
    );
    expect(published.publicReply).toBe("张**您好：已责成单位补发工资。");
    const anyone = await readLetter({ actor: null, number, db: database.prisma });
    expect(anyone?.view).toBe("published");
    expect(JSON.stringify(anyone)).not.toContain("13800280001");
    expect(JSON.stringify(anyone)).not.toContain(accessCode);
  });

  it("shows an unpublished letter only to its writer or with its 查询码; another citizen gets nothing, audited", async () => {
    const { number, accessCode } = await write();
    expect((await readLetter({ actor: actors.citizen, number, db: database.prisma }))?.view).toBe("writer");
    expect((await readLetter({ actor: null, number, code: accessCode, db: database.prisma }))?.view).toBe(
      "writer",
    );
    expect(await readLetter({ actor: null, number, db: database.prisma })).toBeNull();
    expect(await readLetter({ actor: actors.citizen2, number, db: database.prisma })).toBeNull();
    expect(
      await database.prisma.auditLog.count({
        where: { entityId: number, action: "letter.read", outcome: "DENIED" },
      }),
    ).toBe(1);
    expect(await staffLetter({ actor: actors.caseworker2, number, db: database.prisma })).toBeNull();
    expect(await staffLetter({ actor: actors.caseworker, number, db: database.prisma })).not.toBeNull();
  });

  it("opens a letter from the lookup form only with its own 查询码, published or not; a failure audited, the field named", async () => {
    const { number, accessCode } = await write(null, { kind: "SUGGESTION" });
    const other = await write(null, { kind: "SUGGESTION" });
    const check = (n: string, code: string) =>
      letterCodeMatches({ number: n, accessCode: code, db: database.prisma });
    expect(await check(number, accessCode)).toBe(true);
    expect(await check(number, other.accessCode)).toBe(false);
    expect(await check("XJ20000101000001", accessCode)).toBe(false);
    expect(
      await database.prisma.auditLog.count({
        where: { entityType: "Letter", entityId: number, action: "accessCode.failed", outcome: "DENIED" },
      }),
    ).toBe(1);
    // the form reads both trimmed and upper case, and names the field that is wrong
    const parsed = ZLetterLookup.parse({
      number: ` ${number.toLowerCase()} `,
      accessCode: accessCode.toLowerCase(),
    });
    expect(parsed).toEqual({ number, accessCode });
    const bad = ZLetterLookup.safeParse({ number: "SV20261126000123", accessCode: "12" });
    expect(bad.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["number", "letterNumberFormat"],
      ["accessCode", "accessCodeFormat"],
    ]);
  });

  it("lets the writer rate the reply once", async () => {
    const { number } = await write();
    const rated = await steps(number, [
      { actor: actors.caseworker, step: "accept" },
      ...answer(),
      { actor: actors.citizen, step: "rate", rating: "FAIRLY_SATISFIED" },
    ]);
    expect(rated).toMatchObject({ rating: "FAIRLY_SATISFIED", status: "REPLIED" });
    await expect(
      steps(number, [{ actor: actors.citizen, step: "rate", rating: "SATISFIED" }]),
    ).rejects.toMatchObject({
      key: "letterAlreadyRated",
    });
  });

  it("lists published letters in the sitemap, and no other", async () => {
    const paths = (await sitemapEntries({ db: database.prisma })).map((e) => e.path);
    const published = await database.prisma.letter.findMany({
      where: { status: "PUBLISHED" },
      select: { number: true },
    });
    const letterPaths = paths.filter((p) => /^\/letters\/XJ/.test(p));
    expect(letterPaths.sort()).toEqual(published.map((l) => `/letters/${l.number}`).sort());
    expect(paths).toContain("/letters/figures");
  });

  it("lists for a handler only the mailboxes they handle", async () => {
    const queue = await letterQueue({ actor: actors.caseworker2, db: database.prisma });
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((l) => l.department?.code === "MZJ")).toBe(true);
  });
});

describe("the seeded letters and their figures", () => {
  it("seeds at least 40 letters across kinds, mailboxes, states and months, half published", () => {
    const specs = letterSpecs();
    expect(specs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(specs.map((s) => s.kind)).size).toBe(5);
    expect(new Set(specs.map((s) => s.mailbox)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(specs.map((s) => s.status)).size).toBe(6);
    expect(new Set(specs.map((s) => s.received.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
    expect(specs.filter((s) => s.status === "PUBLISHED").length * 2).toBe(specs.length);
  });

  it("match a hand count over the seed", async () => {
    const fresh = await createTestDatabase({ seeded: true });
    try {
      const { rows } = await letterFigures({ db: fresh.prisma });
      const specs = letterSpecs();
      const mailboxOf = (s: (typeof specs)[number]) => s.forwardedTo ?? s.mailbox;
      expect(rows.reduce((n, r) => n + r.received, 0)).toBe(specs.length);
      for (const row of rows) {
        const group = specs.filter(
          (s) => s.received.slice(0, 7) === row.month && mailboxOf(s) === row.mailbox,
        );
        const replied = group.filter((s) => s.replied);
        expect(row, `${row.month} ${row.mailbox}`).toMatchObject({
          received: group.length,
          accepted: group.filter((s) => s.accepted).length,
          forwarded: group.filter((s) => s.forwardedTo).length,
          replied: replied.length,
          repliedOnTime: replied.filter((s) => s.replied! <= s.due!).length,
          rated: group.filter((s) => s.rating).length,
          satisfied: group.filter((s) => s.rating && s.rating !== "UNSATISFIED").length,
          averageWorkingDays: replied.length
            ? Math.round((replied.reduce((sum, s) => sum + s.workingDays!, 0) / replied.length) * 10) / 10
            : null,
        });
      }
      expect(rows.length).toBeGreaterThan(20);
    } finally {
      await fresh.close();
    }
  });
});
