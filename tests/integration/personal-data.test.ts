import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { submitApplication } from "@/lib/cases/submitApplication";
import { getStaffCase } from "@/lib/cases/staffCases";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { submitDisclosureRequest, ZDisclosureRequest } from "@/lib/disclosure/submitRequest";
import { createApiToken, userForToken } from "@/lib/users/apiTokens";
import { liveSession, openSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { sendMail } from "@/lib/mail/sendMail";
import { notifyApplicant } from "@/lib/notifications/notifyApplicant";
import { exportPersonalData } from "@/lib/users/personalData";
import { updateProfile } from "@/lib/users/updateProfile";
import { closeAccount } from "@/lib/users/closeAccount";
import { submitLetter } from "@/lib/letters/submitLetter";
import { ZProfile } from "@/lib/users/schema";
import { demoActor, employmentAnswers } from "../helpers/demo";

let database: TestDatabase;
let dataDir = "";
const actors: Record<string, TSessionUser> = {};
const made: Record<
  string,
  { caseNumber: string; requestNumber: string; letterNumber: string; token: string; sid: string }
> = {};
const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const password = "Demo-pass-2026";

/** What each citizen holds: a case with a file, a request, a token, a session, a draft with an upload, a subscription, a notification and a mail. */
async function giveData(actor: TSessionUser, person: { name: string; id: string; phone: string }) {
  const db = database.prisma;
  const upload = await saveUpload({
    db,
    actor,
    name: `${person.name}.pdf`,
    bytes: pdf(),
    field: "idCardCopy",
  });
  const { trackingNumber } = await submitApplication({
    db,
    actor,
    serviceCode: "RS-JYDJ-001",
    idempotencyKey: randomUUID(),
    answers: {
      ...employmentAnswers(upload.id),
      fullName: person.name,
      idNumber: person.id,
      mobile: person.phone,
    },
  });
  const request = await submitDisclosureRequest({
    db,
    actor,
    request: ZDisclosureRequest.parse({
      department: "MZJ",
      requesterType: "PERSON",
      requesterName: person.name,
      idNumber: person.id,
      phone: person.phone,
      email: "",
      address: "",
      description: `${person.name} 的申请`,
      deliveryMethod: "download",
    }),
  });
  const token = await createApiToken({ db, actor, name: `${person.name} token` });
  const { sid } = await openSession({ db, user: actor, portal: "public" });
  const draftUpload = await saveUpload({
    db,
    actor,
    name: `draft-${person.name}.pdf`,
    bytes: pdf(),
    field: "idCardCopy",
  });
  const service = await db.service
    .findUniqueOrThrow({ where: { code: "RS-JYDJ-002" } })
    .catch(() =>
      db.service.findFirstOrThrow({ where: { code: { not: "RS-JYDJ-001" }, audience: "PERSON" } }),
    );
  await db.applicationDraft.create({
    data: { userId: actor.id, serviceId: service.id, answers: { idCardCopy: draftUpload.id }, step: "1" },
  });
  // both subscribe to the same community's notices
  const community = await db.community.findFirstOrThrow({ orderBy: { code: "asc" } });
  await db.subscription.create({
    data: {
      email: actor.email,
      communityId: community.id,
      locale: "zh-Hans",
      key: `${actor.email}|${community.code}|*`,
      token: randomUUID().replace(/-/g, ""),
      confirmedAt: new Date(),
    },
  });
  await db.userCommunity.create({ data: { userId: actor.id, communityId: community.id } });
  await db.notification.create({
    data: { userId: actor.id, kind: "case.accept", title: `${person.name} 通知`, body: "正文" },
  });
  await sendMail({ db, to: actor.email, userId: actor.id, subject: `${person.name} 邮件`, text: "邮件正文" });
  const letter = await submitLetter({
    db,
    actor,
    letter: {
      kind: "COMPLAINT",
      mailbox: "RSJ",
      subject: `${person.name} 的来信`,
      content: `我是${person.name}，电话${person.phone}。`,
      consentToPublish: "no",
    },
  });
  made[actor.email] = {
    letterNumber: letter.number,
    caseNumber: trackingNumber,
    requestNumber: request.trackingNumber,
    token: token.token,
    sid,
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-pipl-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["citizen", "citizen2", "caseworker"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
  await giveData(actors.citizen, { name: "张晓明", id: "510104199003071237", phone: "13800280001" });
  await giveData(actors.citizen2, { name: "李雪梅", id: "11010519491231002X", phone: "13800280002" });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("downloading one's data", () => {
  it("holds the person's cases, requests, subscriptions, tokens and the rest, and nobody else's", async () => {
    const data = await exportPersonalData({ db: database.prisma, actor: actors.citizen, format: "json" });
    const mine = made["citizen@example.cn"];
    const theirs = made["citizen2@example.cn"];
    expect(data.profile).toMatchObject({ email: "citizen@example.cn", name: actors.citizen.name });
    expect(data.cases.map((c) => c.trackingNumber)).toContain(mine.caseNumber);
    const own = data.cases.find((c) => c.trackingNumber === mine.caseNumber)!;
    expect(own.answers).toMatchObject({ fullName: "张晓明" });
    expect(own.files.map((f) => f.fileName)).toEqual(["张晓明.pdf"]);
    expect(own.events.length).toBeGreaterThan(0);
    expect(data.requests.map((r) => r.trackingNumber)).toEqual([mine.requestNumber]);
    expect(data.subscriptions).toHaveLength(1);
    expect(data.subscriptions[0].email).toBe("citizen@example.cn");
    expect(data.apiTokens.map((t) => t.name)).toEqual(["张晓明 token"]);
    expect(data.sessions).toHaveLength(1);
    expect(data.drafts).toHaveLength(1);
    expect(data.drafts[0].files.map((f) => f.fileName)).toEqual(["draft-张晓明.pdf"]);
    expect(data.notifications.map((n) => n.title)).toContain("张晓明 通知");
    expect(data.mails.map((m) => m.subject)).toContain("张晓明 邮件");
    // the letters written signed in (the seed's too), with their text and without handlers' notes
    const letter = data.letters.find((l) => l.number === mine.letterNumber)!;
    expect(letter).toMatchObject({ subject: "张晓明 的来信", letterKind: "COMPLAINT", status: "SUBMITTED" });
    const seeded = await database.prisma.letter.count({ where: { writerId: actors.citizen.id } });
    expect(data.letters).toHaveLength(seeded);

    // nothing of the other citizen, who shares the community and the subscription's choice
    const text = JSON.stringify(data);
    for (const value of [
      theirs.caseNumber,
      theirs.requestNumber,
      theirs.letterNumber,
      "李雪梅",
      "citizen2@example.cn",
      "11010519491231002X",
    ])
      expect(text).not.toContain(value);
    // and no secret: neither the token, nor a session's id, nor a password hash
    expect(text).not.toContain(mine.token);
    expect(text).not.toContain(mine.sid);
    expect(text).not.toMatch(/argon2|tokenHash|passwordHash|storageKey/);
  });

  it("is audited, and refused to staff", async () => {
    const rows = await database.prisma.auditLog.findMany({
      where: { action: "personalData.export", actorId: actors.citizen.id },
    });
    expect(rows.length).toBeGreaterThan(0);
    await expect(
      exportPersonalData({ db: database.prisma, actor: actors.caseworker, format: "json" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("correcting one's profile", () => {
  it("changes name, mobile and language, audited without the values", async () => {
    const profile = ZProfile.parse({ name: " 李雪梅 ", phone: "13900000002", locale: "en" });
    await updateProfile({ db: database.prisma, actor: actors.citizen2, profile });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: actors.citizen2.id } });
    expect(user).toMatchObject({ name: "李雪梅", phone: "13900000002", locale: "en" });
    const row = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "profile.update", actorId: actors.citizen2.id },
    });
    expect(row.detail).toEqual({ changed: ["phone", "locale"] });
    expect(
      ZProfile.safeParse({ name: "", phone: "123", locale: "fr" }).error?.issues.map((i) => i.message),
    ).toEqual(["required", "mobileInvalid", "choose"]);
    // an empty number removes it
    expect(ZProfile.parse({ name: "x", phone: "", locale: "en" }).phone).toBeNull();
  });
});

describe("closing one's account", () => {
  it("needs the password, and staff cannot close themselves this way", async () => {
    await expect(
      closeAccount({ db: database.prisma, actor: actors.citizen, password: "wrong-password-1" }),
    ).rejects.toBeInstanceOf(FormError);
    expect(
      (await database.prisma.user.findUniqueOrThrow({ where: { id: actors.citizen.id } })).closedAt,
    ).toBeNull();
    await expect(
      closeAccount({ db: database.prisma, actor: actors.caseworker, password }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("ends sign-in, sessions and tokens, erases the personal fields, keeps the records", async () => {
    const db = database.prisma;
    const actor = actors.citizen;
    const mine = made["citizen@example.cn"];
    const draftFile = await db.attachment.findFirstOrThrow({ where: { fileName: "draft-张晓明.pdf" } });
    const caseFile = await db.attachment.findFirstOrThrow({ where: { fileName: "张晓明.pdf" } });
    // a failed form's kept state (what was typed) and a mailed link to set a password
    await db.formReturn.create({
      data: { id: "closing-form", userId: actor.id, state: { ok: false, values: { phone: "13800280001" } } },
    });
    await db.passwordLink.create({
      data: {
        userId: actor.id,
        purpose: "reset",
        tokenHash: "closing-link",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await closeAccount({ db, actor, password });

    expect(await verifyCredentials({ db, email: "citizen@example.cn", password, portal: "public" })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await liveSession({ db, sid: mine.sid })).toBeNull();
    expect(await userForToken({ db, token: mine.token })).toBeNull();

    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user).toMatchObject({ name: "", phone: null, idNumber: null, disabled: true });
    expect(user.email).toMatch(/@closed\.invalid$/);
    expect(user.closedAt).not.toBeNull();
    const gone = await Promise.all([
      db.applicationDraft.count({ where: { userId: actor.id } }),
      db.subscription.count({ where: { email: "citizen@example.cn" } }),
      db.apiToken.count({ where: { userId: actor.id } }),
      db.userSession.count({ where: { userId: actor.id } }),
      db.notification.count({ where: { userId: actor.id } }),
      db.userCommunity.count({ where: { userId: actor.id } }),
      db.outboxMail.count({
        where: { OR: [{ to: "citizen@example.cn" }, { userId: actor.id, text: { not: "" } }] },
      }),
      db.attachment.count({ where: { id: draftFile.id } }),
      db.formReturn.count({ where: { userId: actor.id } }),
      db.passwordLink.count({ where: { userId: actor.id } }),
    ]);
    expect(gone).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(fs.existsSync(path.join(dataDir, "uploads", draftFile.storageKey))).toBe(false);

    // the case and the request stay, with what the person submitted in them
    const kept = await db.application.findUniqueOrThrow({ where: { trackingNumber: mine.caseNumber } });
    expect(kept.answers).toMatchObject({ fullName: "张晓明" });
    expect(await db.attachment.count({ where: { id: caseFile.id } })).toBe(1);
    expect(fs.existsSync(path.join(dataDir, "uploads", caseFile.storageKey))).toBe(true);
    expect(await db.disclosureRequest.count({ where: { trackingNumber: mine.requestNumber } })).toBe(1);

    // the staff case page shows no contact details of the closed account
    const staffCase = await getStaffCase({ db, actor: actors.caseworker, trackingNumber: mine.caseNumber });
    expect(staffCase?.applicant).toMatchObject({ name: "", phone: null });
    expect(staffCase?.applicant.closedAt).not.toBeNull();

    // a later step on the case tells nobody: there is no one left to tell
    const outbox = await db.outboxMail.count();
    await notifyApplicant({ db, trackingNumber: mine.caseNumber, kind: "accept" });
    expect(await db.notification.count({ where: { userId: actor.id } })).toBe(0);
    expect(await db.outboxMail.count()).toBe(outbox);

    // the other citizen keeps everything, the shared community's subscription too
    expect(await db.subscription.count({ where: { email: "citizen2@example.cn" } })).toBe(1);
    expect(await liveSession({ db, sid: made["citizen2@example.cn"].sid })).not.toBeNull();

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "account.close", outcome: "ALLOWED" },
    });
    expect(audit.detail).toMatchObject({
      drafts: 1,
      uploads: 1,
      subscriptions: 1,
      apiTokens: 1,
      sessions: 1,
      formReturns: 1,
      passwordLinks: 1,
    });
    // the address is free for a new registration
    expect(await db.user.count({ where: { email: "citizen@example.cn" } })).toBe(0);
  });
});
