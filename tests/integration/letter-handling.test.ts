import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import type { TSessionUser } from "@/lib/auth/types";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { applyLetterStep, rateLetter, type TLetterStepInput } from "@/lib/letters/applyLetterStep";
import { letterWorkflow, type TLetterSubject } from "@/lib/letters/letterWorkflow";
import { letterDueFlag, letterQueue, publishedLetters, staffLetter } from "@/lib/letters/queries";
import { lettersRss } from "@/lib/letters/feed";
import { searchPortal } from "@/lib/search/queries";
import { readUpload } from "@/lib/uploads/readUpload";
import { saveLetterSettings, defaultLetterSettings } from "@/lib/letters/settings";
import { allowedSteps, openSteps } from "@/lib/workflow/workflow";
import { NotFoundError } from "@/lib/shared/errors";
import { chinaDay } from "@/lib/calendar/workdays";
import type { TLetterStatus } from "@/lib/letters/kinds";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const names = ["citizen", "citizen2", "caseworker", "caseworker2", "supervisor", "admin", "letters"];

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of names) actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function write(overrides: Record<string, string> = {}, actor: TSessionUser | null = actors.citizen) {
  const letter = ZLetter.parse({
    kind: "COMPLAINT",
    mailbox: "RSJ",
    subject: "单位拖欠工资",
    content: "单位已拖欠工资三个月。",
    consentToPublish: "yes",
    ...overrides,
  });
  return (await submitLetter({ db: database.prisma, actor, letter })).number;
}

type TStep = Omit<TLetterStepInput, "number" | "expectedVersion">;
const version = async (number: string) =>
  (await database.prisma.letter.findUniqueOrThrow({ where: { number } })).version;

async function steps(number: string, list: TStep[]) {
  for (const step of list)
    await applyLetterStep({ ...step, number, expectedVersion: await version(number), db: database.prisma });
  return database.prisma.letter.findUniqueOrThrow({
    where: { number },
    include: { events: { orderBy: { createdAt: "asc" } }, department: true },
  });
}
const step = (number: string, s: TStep) => steps(number, [s]);

const by = (actor: string, s: Omit<TStep, "actor">): TStep => ({ ...s, actor: actors[actor] }) as TStep;
const answered = (actor = "caseworker"): TStep[] => [
  by(actor, { step: "accept" }),
  by(actor, { step: "draft", replyText: "经核查，已责成单位补发工资。" }),
  by("supervisor", { step: "signOff" }),
  by(actor, { step: "send" }),
];

describe("the letter table: who may take which step from each status", () => {
  const subject = (status: TLetterStatus, over: Partial<TLetterSubject> = {}): TLetterSubject => ({
    status,
    writerId: actors.citizen.id,
    department: { code: "RSJ" },
    consentToPublish: true,
    rating: null,
    sentBack: false,
    reopened: false,
    draftedById: actors.caseworker.id,
    extension: null,
    extensionRequestedById: null,
    ...over,
  });

  it("offers the handler, the supervisor and the writer exactly their steps, and nobody else any", () => {
    const expected: Record<TLetterStatus, { handler: string[]; supervisor: string[]; writer: string[] }> = {
      SUBMITTED: {
        handler: ["accept", "refuse", "forward", "merge"],
        supervisor: ["accept", "refuse", "forward", "merge"],
        writer: [],
      },
      FORWARDED: {
        handler: ["accept", "refuse", "sendBack", "merge"],
        supervisor: ["accept", "refuse", "sendBack", "merge"],
        writer: [],
      },
      ACCEPTED: {
        handler: ["merge", "requestExtension", "draft"],
        supervisor: ["merge", "requestExtension", "draft"],
        writer: [],
      },
      DRAFTED: {
        handler: ["requestExtension"],
        supervisor: ["requestExtension", "signOff", "returnDraft"],
        writer: [],
      },
      SIGNED_OFF: { handler: ["send"], supervisor: ["send"], writer: [] },
      REPLIED: { handler: ["publish"], supervisor: ["publish"], writer: ["rate", "reopen"] },
      REOPENED: { handler: [], supervisor: ["reanswer"], writer: [] },
      PUBLISHED: { handler: [], supervisor: [], writer: ["rate"] },
      REFUSED: { handler: [], supervisor: [], writer: [] },
      MERGED: { handler: [], supervisor: [], writer: [] },
    };
    for (const [status, sides] of Object.entries(expected)) {
      const s = subject(status as TLetterStatus);
      expect(allowedSteps(letterWorkflow, actors.caseworker, s), status).toEqual(sides.handler);
      expect(allowedSteps(letterWorkflow, actors.supervisor, s), status).toEqual(sides.supervisor);
      expect(allowedSteps(letterWorkflow, actors.citizen, s), status).toEqual(sides.writer);
      // the city's letters office oversees every mailbox, but signs nothing off
      expect(allowedSteps(letterWorkflow, actors.letters, s), status).toEqual(sides.handler);
      for (const other of ["citizen2", "caseworker2"])
        expect(allowedSteps(letterWorkflow, actors[other], s), `${status} ${other}`).toEqual([]);
    }
  });

  it("names the rule that refuses a step: one send-back, one extension, one reopening, one rating, a second person to decide", () => {
    const refusal = (actor: string, s: TLetterSubject, name: string) =>
      openSteps(letterWorkflow, actors[actor], s).find((o) => o.step === name)?.refusal;
    expect(refusal("caseworker", subject("FORWARDED", { sentBack: true }), "sendBack")).toBe(
      "letterAlreadySentBack",
    );
    expect(refusal("caseworker", subject("ACCEPTED", { extension: "DECLINED" }), "requestExtension")).toBe(
      "letterExtensionUsed",
    );
    expect(refusal("supervisor", subject("ACCEPTED"), "approveExtension")).toBe("letterNoExtensionAsked");
    const asked = { extension: "REQUESTED" as const, extensionRequestedById: actors.supervisor.id };
    expect(refusal("supervisor", subject("ACCEPTED", asked), "approveExtension")).toBe(
      "secondPersonRequired",
    );
    expect(refusal("supervisor", subject("DRAFTED", { draftedById: actors.supervisor.id }), "signOff")).toBe(
      "secondPersonRequired",
    );
    expect(refusal("citizen", subject("REPLIED", { reopened: true }), "reopen")).toBe(
      "letterAlreadyReopened",
    );
    expect(refusal("citizen", subject("REPLIED", { rating: "SATISFIED" }), "rate")).toBe(
      "letterAlreadyRated",
    );
    expect(refusal("caseworker", subject("REPLIED", { consentToPublish: false }), "publish")).toBe(
      "letterNoConsent",
    );
  });

  it("gives the 市长信箱 to the city's letters office and administrators, not to a department", () => {
    const mayor = subject("SUBMITTED", { department: null });
    expect(allowedSteps(letterWorkflow, actors.caseworker, mayor)).toEqual([]);
    expect(allowedSteps(letterWorkflow, actors.supervisor, mayor)).toEqual([]);
    expect(allowedSteps(letterWorkflow, actors.letters, mayor)).toEqual([
      "accept",
      "refuse",
      "forward",
      "merge",
    ]);
    expect(allowedSteps(letterWorkflow, actors.admin, mayor)).toEqual([
      "accept",
      "refuse",
      "forward",
      "merge",
    ]);
    const drafted = subject("DRAFTED", { department: null });
    expect(allowedSteps(letterWorkflow, actors.letters, drafted)).toEqual(["requestExtension"]);
    expect(allowedSteps(letterWorkflow, actors.admin, drafted)).toEqual([
      "requestExtension",
      "signOff",
      "returnDraft",
    ]);
  });
});

describe("handling a letter on the database", () => {
  it("refuses what the status does not open, another department (audited, as not found) and a stale version", async () => {
    const number = await write();
    await expect(step(number, by("caseworker", { step: "send" }))).rejects.toMatchObject({
      key: "transitionNotAllowed",
    });
    await expect(step(number, by("caseworker2", { step: "accept" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(step(number, by("citizen", { step: "accept" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { entityId: number, action: "letter.accept", outcome: "DENIED" },
      }),
    ).toBe(2);
    await expect(
      applyLetterStep({
        actor: actors.caseworker,
        step: "accept",
        number,
        expectedVersion: 99,
        db: database.prisma,
      }),
    ).rejects.toMatchObject({ key: "caseChanged" });
    expect(await staffLetter({ actor: actors.caseworker2, number, db: database.prisma })).toBeNull();
  });

  it("forwards from the 市长信箱 with a reason; the department sends it back once, and takes it the second time", async () => {
    const number = await write({ mailbox: "MAYOR" });
    await expect(step(number, by("letters", { step: "forward", department: "RSJ" }))).rejects.toMatchObject({
      key: "reasonRequired",
      field: "reason",
    });
    await expect(
      step(number, by("letters", { step: "forward", department: "NOPE", reason: "x" })),
    ).rejects.toMatchObject({ key: "choose", field: "department" });
    let letter = await step(
      number,
      by("letters", { step: "forward", department: "MZJ", reason: "属民政职责" }),
    );
    expect(letter).toMatchObject({ status: "FORWARDED", department: { code: "MZJ" } });
    await expect(step(number, by("caseworker2", { step: "sendBack" }))).rejects.toMatchObject({
      key: "reasonRequired",
    });
    letter = await step(number, by("caseworker2", { step: "sendBack", reason: "属人社局职责" }));
    expect(letter).toMatchObject({ status: "SUBMITTED", departmentId: null, sentBack: true });
    letter = await step(number, by("letters", { step: "forward", department: "RSJ", reason: "拖欠工资" }));
    // a second forward cannot be sent back: the receiving department answers it
    await expect(step(number, by("caseworker", { step: "sendBack", reason: "x" }))).rejects.toMatchObject({
      key: "letterAlreadySentBack",
    });
    letter = await steps(number, answered());
    expect(letter.status).toBe("REPLIED");
    expect(letter.events.map((e) => [e.kind, e.reason])).toEqual([
      ["submit", null],
      ["forward", "属民政职责"],
      ["sendBack", "属人社局职责"],
      ["forward", "拖欠工资"],
      ["accept", null],
      ["draft", null],
      ["signOff", null],
      ["send", null],
    ]);
    const audited = await database.prisma.auditLog.findMany({
      where: { entityId: number, outcome: "ALLOWED" },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(audited.map((a) => a.action)).toEqual([
      "letter.forward",
      "letter.sendBack",
      "letter.forward",
      "letter.accept",
      "letter.draft",
      "letter.signOff",
      "letter.send",
    ]);
  });

  it("merges a duplicate into an earlier letter the handler sees, never into itself or another department's", async () => {
    const first = await write();
    const duplicate = await write();
    const elsewhere = await write({ mailbox: "MZJ" });
    for (const target of [duplicate, elsewhere, "XJ20260101999999", ""])
      await expect(
        step(duplicate, by("caseworker", { step: "merge", duplicateOf: target })),
      ).rejects.toMatchObject({ key: "letterNotMergeable", field: "duplicateOf" });
    const merged = await step(duplicate, by("caseworker", { step: "merge", duplicateOf: first }));
    expect(merged.status).toBe("MERGED");
    expect(merged.events.at(-1)?.data).toMatchObject({ into: first });
    await expect(
      step(first, by("caseworker", { step: "merge", duplicateOf: duplicate })),
    ).rejects.toMatchObject({
      key: "letterNotMergeable",
    });
    await expect(step(duplicate, by("caseworker", { step: "accept" }))).rejects.toMatchObject({
      key: "transitionNotAllowed",
    });
  });

  it("refuses with a stated reason, after which nothing more is done", async () => {
    const number = await write();
    const refused = await step(number, by("caseworker", { step: "refuse", reason: "该事项已进入诉讼程序" }));
    expect(refused).toMatchObject({ status: "REFUSED" });
    expect(refused.events.at(-1)?.reason).toBe("该事项已进入诉讼程序");
    await expect(step(number, by("caseworker", { step: "accept" }))).rejects.toMatchObject({
      key: "transitionNotAllowed",
    });
  });

  it("needs a reply text to draft, a supervisor other than the drafter to sign off, and may return the draft with a reason", async () => {
    const number = await write();
    await step(number, by("caseworker", { step: "accept" }));
    await expect(step(number, by("caseworker", { step: "draft" }))).rejects.toMatchObject({
      key: "required",
      field: "replyText",
    });
    await step(number, by("caseworker", { step: "draft", replyText: "初稿" }));
    await expect(step(number, by("caseworker", { step: "signOff" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(step(number, by("supervisor", { step: "returnDraft" }))).rejects.toMatchObject({
      key: "reasonRequired",
    });
    let letter = await step(number, by("supervisor", { step: "returnDraft", reason: "请写明补发时间" }));
    expect(letter.status).toBe("ACCEPTED");
    await step(number, by("supervisor", { step: "draft", replyText: "主管亲拟" }));
    await expect(step(number, by("supervisor", { step: "signOff" }))).rejects.toMatchObject({
      key: "secondPersonRequired",
    });
    expect(
      await database.prisma.auditLog.count({
        where: { entityId: number, action: "letter.signOff", outcome: "DENIED" },
      }),
    ).toBe(2);
    await step(number, by("supervisor", { step: "returnDraft", reason: "改由承办人拟稿" }));
    await step(number, by("caseworker", { step: "draft", replyText: "已责成单位于本月底前补发。" }));
    letter = await steps(number, [by("supervisor", { step: "signOff" }), by("caseworker", { step: "send" })]);
    expect(letter).toMatchObject({ status: "REPLIED", replyText: "已责成单位于本月底前补发。" });
  });
});

describe("deadlines in working days, with one extension", () => {
  it("runs from acceptance by kind across 中秋, and an approved extension across 国庆 with its make-up Saturday", async () => {
    const number = await write({ kind: "CONSULTATION" });
    // accepted Monday 2026-09-21: 5 working days skip 中秋 (Friday 09-25) and the weekend
    let letter = await step(number, { ...by("caseworker", { step: "accept" }), now: at("2026-09-21") });
    expect(chinaDay(letter.dueOn!)).toBe("2026-09-29");
    await expect(step(number, by("caseworker", { step: "requestExtension" }))).rejects.toMatchObject({
      key: "reasonRequired",
    });
    letter = await step(number, by("caseworker", { step: "requestExtension", reason: "需要现场核查" }));
    expect(letter.extension).toBe("REQUESTED");
    await expect(step(number, by("caseworker", { step: "approveExtension" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // 10 more working days from 09-29: 09-30, then 国庆 to 10-07 does not count, Saturday 10-10 does
    letter = await step(number, by("supervisor", { step: "approveExtension" }));
    expect(chinaDay(letter.dueOn!)).toBe("2026-10-19");
    expect(letter.events.at(-1)?.data).toMatchObject({ due: "2026-10-19", previousDue: "2026-09-29" });
    await expect(
      step(number, by("caseworker", { step: "requestExtension", reason: "再延" })),
    ).rejects.toMatchObject({
      key: "letterExtensionUsed",
    });
    // due soon on the day before, overdue the day after
    expect(letterDueFlag(letter.status, letter.dueOn, "2026-10-16")).toBe("soon");
    expect(letterDueFlag(letter.status, letter.dueOn, "2026-10-20")).toBe("overdue");
    letter = await steps(
      number,
      answered()
        .slice(1)
        .map((s) => ({ ...s, now: at("2026-10-19") })),
    );
    expect(letter.workingDays).toBe(15);
    expect(letter.events.at(-1)?.data).toMatchObject({ onTime: true, workingDays: 15 });
  });

  it("declines an extension with a reason: the deadline stands and no second one may be asked", async () => {
    const number = await write();
    await step(number, { ...by("caseworker", { step: "accept" }), now: at("2026-09-30") });
    await step(number, by("caseworker", { step: "requestExtension", reason: "需要调查" }));
    await expect(step(number, by("supervisor", { step: "declineExtension" }))).rejects.toMatchObject({
      key: "reasonRequired",
    });
    const letter = await step(number, by("supervisor", { step: "declineExtension", reason: "事实清楚" }));
    expect(letter.extension).toBe("DECLINED");
    expect(chinaDay(letter.dueOn!)).toBe("2026-10-27");
  });

  it("takes the working days by kind from the settings", async () => {
    await saveLetterSettings({
      actor: actors.admin,
      settings: {
        ...defaultLetterSettings,
        replyWorkingDays: { ...defaultLetterSettings.replyWorkingDays, COMPLAINT: 3 },
      },
      db: database.prisma,
    });
    try {
      const number = await write();
      const letter = await step(number, { ...by("caseworker", { step: "accept" }), now: at("2026-09-30") });
      expect(chinaDay(letter.dueOn!)).toBe("2026-10-10");
      await expect(
        saveLetterSettings({
          actor: actors.caseworker,
          settings: defaultLetterSettings,
          db: database.prisma,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await saveLetterSettings({ actor: actors.admin, settings: defaultLetterSettings, db: database.prisma });
    }
  });
});

describe("satisfaction and reopening", () => {
  it("不满意 reopens once for a supervisor's second reply, which is rated afresh; a second 不满意 only rates", async () => {
    const number = await write();
    await steps(number, answered());
    const v = await version(number);
    await expect(
      rateLetter({
        actor: actors.citizen2,
        number,
        rating: "UNSATISFIED",
        expectedVersion: v,
        db: database.prisma,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await rateLetter({
      actor: actors.citizen,
      number,
      rating: "UNSATISFIED",
      expectedVersion: v,
      db: database.prisma,
    });
    let letter = await database.prisma.letter.findUniqueOrThrow({ where: { number } });
    expect(letter).toMatchObject({ status: "REOPENED", reopened: true, rating: "UNSATISFIED" });
    await expect(step(number, by("caseworker", { step: "reanswer", replyText: "x" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    letter = await step(
      number,
      by("supervisor", { step: "reanswer", replyText: "经再次核查，工资已于今日补发。" }),
    );
    expect(letter).toMatchObject({
      status: "REPLIED",
      rating: null,
      replyText: "经再次核查，工资已于今日补发。",
    });
    await rateLetter({
      actor: actors.citizen,
      number,
      rating: "UNSATISFIED",
      expectedVersion: await version(number),
      db: database.prisma,
    });
    letter = await database.prisma.letter.findUniqueOrThrow({ where: { number } });
    expect(letter).toMatchObject({ status: "REPLIED", rating: "UNSATISFIED" });
    await expect(
      rateLetter({
        actor: actors.citizen,
        number,
        rating: "SATISFIED",
        expectedVersion: await version(number),
        db: database.prisma,
      }),
    ).rejects.toMatchObject({ key: "letterAlreadyRated" });
  });

  it("closes the rating 10 days after the reply", async () => {
    const number = await write();
    await steps(
      number,
      answered().map((s) => ({ ...s, now: at("2026-11-02") })),
    );
    await expect(
      applyLetterStep({
        actor: actors.citizen,
        step: "rate",
        rating: "SATISFIED",
        number,
        expectedVersion: await version(number),
        now: at("2026-11-13"),
        db: database.prisma,
      }),
    ).rejects.toMatchObject({ key: "letterRatingClosed", field: "rating" });
    await applyLetterStep({
      actor: actors.citizen,
      step: "rate",
      rating: "SATISFIED",
      number,
      expectedVersion: await version(number),
      now: at("2026-11-12"),
      db: database.prisma,
    });
  });
});

describe("the queue", () => {
  it("gives the city's letters office the 市长信箱 and every department, a department only its own", async () => {
    const mayor = await write({ mailbox: "MAYOR" });
    const office = await letterQueue({ actor: actors.letters, db: database.prisma });
    expect(office.some((l) => l.number === mayor)).toBe(true);
    expect(new Set(office.map((l) => l.department?.code ?? null)).size).toBeGreaterThan(3);
    const rsj = await letterQueue({ actor: actors.caseworker, db: database.prisma });
    expect(rsj.every((l) => l.department?.code === "RSJ")).toBe(true);
  });
});

describe("publication: the list, the portal's search and the RSS feed", () => {
  it("finds a published letter by its redacted words, never an unpublished one nor the writer's data", async () => {
    const subject = "锦官驿街路灯坏了半年";
    const content = "我叫张晓明，电话13800280001。锦官驿街路灯坏了半年，夜间行人摔倒。";
    const published = await write({ subject, content });
    const unpublished = await write({ subject, content });
    await steps(published, [...answered(), by("caseworker", { step: "publish" })]);
    await steps(unpublished, answered());

    const search = await searchPortal({
      query: { q: "锦官驿街路灯", page: 1 },
      locale: "zh-Hans",
      db: database.prisma,
    });
    const letters = search.results.filter((r) => r.type === "letter");
    expect(letters.map((r) => r.path)).toEqual([`/letters/${published}`]);
    expect(search.counts.letter).toBe(1);
    expect(JSON.stringify(search)).not.toContain("13800280001");
    const byName = await searchPortal({
      query: { q: "张晓明", page: 1 },
      locale: "zh-Hans",
      db: database.prisma,
    });
    expect(byName.results.filter((r) => r.type === "letter")).toEqual([]);

    const list = await publishedLetters({ q: "锦官驿街", db: database.prisma });
    expect(list.rows.map((r) => r.number)).toEqual([published]);
    expect((await publishedLetters({ q: "13800280001", db: database.prisma })).total).toBe(0);

    const xml = lettersRss({
      title: "t",
      description: "d",
      language: "zh-Hans",
      selfUrl: "https://portal.example/zh-Hans/letters/feed.xml",
      listUrl: "https://portal.example/zh-Hans/letters",
      letterUrl: (n) => `https://portal.example/zh-Hans/letters/${n}`,
      letters: (await publishedLetters({ db: database.prisma })).rows.map((l) => ({
        ...l,
        kindLabel: "投诉",
      })),
    });
    expect(xml).toContain(`<link>https://portal.example/zh-Hans/letters/${published}</link>`);
    expect(xml).not.toContain(unpublished);
    expect(xml).not.toContain("13800280001");
  });

  it("escapes whatever a letter holds in the feed", () => {
    const xml = lettersRss({
      title: "t",
      description: "d",
      language: "en",
      selfUrl: "https://portal.example/en/letters/feed.xml",
      listUrl: "https://portal.example/en/letters",
      letterUrl: (n) => `https://portal.example/en/letters/${n}`,
      letters: [
        {
          number: "XJ20261201000001",
          publicSubject: "<script>alert(1)</script>]]>",
          publicReply: "<img src=x onerror=alert(1)> & more",
          kindLabel: "Complaint",
          publishedAt: new Date("2026-12-01T00:00:00Z"),
        },
      ],
    });
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;script&gt;");
  });
});

describe("attachments", () => {
  const pdf = (name = "欠条.pdf") => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj\n%%EOF\n")], name);

  it("keeps a signed-in writer's checked files with the letter, for the writer and the mailbox's handlers only", async () => {
    const letter = ZLetter.parse({
      kind: "COMPLAINT",
      mailbox: "RSJ",
      subject: "附件测试",
      content: "见附件欠条。",
      consentToPublish: "no",
    });
    const { number } = await submitLetter({
      db: database.prisma,
      actor: actors.citizen,
      letter,
      files: [pdf()],
    });
    const stored = await database.prisma.letter.findUniqueOrThrow({
      where: { number },
      include: { attachments: true },
    });
    expect(stored.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ["欠条.pdf", "application/pdf"],
    ]);
    const id = stored.attachments[0].id;
    for (const reader of ["citizen", "caseworker", "supervisor", "letters"])
      await expect(
        readUpload({ actor: actors[reader], id, db: database.prisma }),
        reader,
      ).resolves.toMatchObject({
        fileName: "欠条.pdf",
      });
    for (const reader of ["citizen2", "caseworker2"])
      await expect(
        readUpload({ actor: actors[reader], id, db: database.prisma }),
        reader,
      ).rejects.toBeInstanceOf(NotFoundError);
    await expect(readUpload({ actor: null, id, db: database.prisma })).rejects.toBeInstanceOf(NotFoundError);
    // forwarded, the letter's files go with it
    await step(number, by("caseworker", { step: "forward", department: "MZJ", reason: "属民政职责" }));
    await expect(readUpload({ actor: actors.caseworker2, id, db: database.prisma })).resolves.toBeTruthy();
  });

  it("refuses a file that is not a PDF or image by its content, too many files, and files without an account", async () => {
    const letter = ZLetter.parse({
      kind: "SUGGESTION",
      mailbox: "RSJ",
      subject: "附件测试",
      content: "建议。",
      consentToPublish: "no",
    });
    const before = await database.prisma.letter.count();
    const fake = new File([new TextEncoder().encode("<html><script>alert(1)</script>")], "photo.jpg");
    await expect(
      submitLetter({ db: database.prisma, actor: actors.citizen, letter, files: [fake] }),
    ).rejects.toMatchObject({ key: "fileType", field: "files" });
    await expect(
      submitLetter({
        db: database.prisma,
        actor: actors.citizen,
        letter,
        files: Array.from({ length: 6 }, () => pdf()),
      }),
    ).rejects.toMatchObject({ key: "letterTooManyFiles|5", field: "files" });
    await expect(
      submitLetter({ db: database.prisma, actor: null, letter, files: [pdf()] }),
    ).rejects.toMatchObject({
      key: "letterSignInNeeded",
      field: "files",
    });
    expect(await database.prisma.letter.count()).toBe(before);
  });
});
