import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { codeFlow } from "../helpers/oidcFlow";
import { demoActor, employmentAnswers } from "../helpers/demo";
import { startIdentityPlatform, platformScopes, type TPlatform } from "../../scripts/oidc/identityPlatform";
import { signOnCitizen, signOnStaff } from "@/lib/auth/signOn";
import { registerStaffSignOn } from "@/lib/auth/registerStaffSignOn";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { signOnProvider } from "@/lib/auth/signOnProviders";
import { AnswersInvalid, submitApplication } from "@/lib/cases/submitApplication";
import { AssuranceTooLow } from "@/lib/cases/serviceToApplyFor";
import { loadApplication } from "@/lib/cases/drafts";
import { NotFoundError } from "@/lib/shared/errors";
import type { TSessionUser } from "@/lib/auth/types";

let database: TestDatabase;
let platform: TPlatform;
const portal = "http://portal.test";
const citizenClient = {
  clientId: "portal",
  clientSecret: "portal-secret",
  redirectUri: `${portal}/api/auth/callback/identity`,
};
const staffClient = {
  clientId: "staff",
  clientSecret: "staff-secret",
  redirectUri: `${portal}/api/auth/callback/staff-identity`,
};

beforeAll(async () => {
  [database, platform] = await Promise.all([
    createTestDatabase({ seeded: true }),
    startIdentityPlatform({ port: 0, citizen: citizenClient, staff: staffClient }),
  ]);
});
afterAll(async () => {
  await platform?.close();
  await database?.close();
});

/** The ID token's claims after a real code flow with the citizen or staff client. */
const claimsOf = (subject: string, client = citizenClient) =>
  codeFlow({ issuer: platform.issuer, ...client, scope: platformScopes, subject });

const citizenSignOn = async (subject: string, linkTo?: string) =>
  signOnCitizen({ db: database.prisma, issuer: platform.issuer, claims: await claimsOf(subject), linkTo });

async function upload(owner: TSessionUser, mimeType = "application/pdf") {
  const id = randomUUID().replace(/-/g, "").slice(0, 24);
  await database.prisma.attachment.create({
    data: {
      id,
      fileName: "file.pdf",
      mimeType,
      size: 1000,
      sha256: "0".repeat(64),
      storageKey: `test/${id}`,
      uploaderId: owner.id,
    },
  });
  return id;
}

describe("the local identity platform speaks OpenID Connect", () => {
  it("signs ID tokens with the identity's claims and how it authenticated", async () => {
    const claims = await claimsOf("p-wangfang");
    expect(claims).toMatchObject({
      sub: "p-wangfang",
      name: "王芳",
      id_number: "510106199508224019",
      assurance_level: "L3",
      phone_number: "13900280003",
      amr: ["pwd", "face"],
    });
    const staff = await claimsOf("s-wangjianguo", staffClient);
    expect(staff).toMatchObject({
      sub: "s-wangjianguo",
      email: "caseworker@example.cn",
      amr: ["pwd", "otp", "mfa"],
    });
  });

  it("configures next-auth's OIDC client only when issuer, client and secret are all set", () => {
    expect(signOnProvider("public", { OIDC_ISSUER: platform.issuer, OIDC_CLIENT_ID: "portal" })).toBeNull();
    const provider = signOnProvider("staff", {
      STAFF_OIDC_ISSUER: `${platform.issuer}/`,
      STAFF_OIDC_CLIENT_ID: "staff",
      STAFF_OIDC_CLIENT_SECRET: "s",
    });
    expect(provider).toMatchObject({
      id: "staff-identity",
      wellKnown: `${platform.issuer}/.well-known/openid-configuration`,
      idToken: true,
      checks: ["pkce", "state"],
    });
  });
});

describe("citizens sign on", () => {
  it("a first sign-on makes a real-name account with the platform's claims; the next finds it again", async () => {
    const first = await citizenSignOn("p-wangfang");
    expect(first).toMatchObject({ ok: true, created: true, secondFactor: false });
    if (!first.ok) return;
    const account = await database.prisma.user.findUniqueOrThrow({
      where: { id: first.user.id },
      include: { identities: true },
    });
    expect(account).toMatchObject({
      email: "wangfang@example.cn",
      name: "王芳",
      accountType: "PERSON",
      verifiedName: "王芳",
      verifiedIdNumber: "510106199508224019",
      identityAssurance: "L3",
      mobile: "13900280003",
    });
    expect(account.realNameVerifiedAt).toBeInstanceOf(Date);
    expect(account.identities).toMatchObject([
      { issuer: platform.issuer, subject: "p-wangfang", portal: "public" },
    ]);
    const again = await citizenSignOn("p-wangfang");
    expect(again).toMatchObject({ ok: true, user: { id: first.user.id } });
    expect(await database.prisma.user.count({ where: { email: "wangfang@example.cn" } })).toBe(1);
  });

  it("never links by e-mail alone: the owner signs in with the password and links from the account page", async () => {
    const citizen = await demoActor(database.prisma, "citizen@example.cn");
    const refused = await citizenSignOn("p-zhangxiaoming");
    expect(refused).toEqual({ ok: false, reason: "signOnEmailTaken" });
    expect(await database.prisma.userIdentity.count({ where: { subject: "p-zhangxiaoming" } })).toBe(0);
    expect(
      await database.prisma.auditLog.count({
        where: {
          action: "auth.signOn",
          outcome: "DENIED",
          detail: { path: ["reason"], equals: "signOnEmailTaken" },
        },
      }),
    ).toBe(1);

    const linked = await citizenSignOn("p-zhangxiaoming", citizen.id);
    expect(linked).toMatchObject({ ok: true, user: { id: citizen.id } });
    const account = await database.prisma.user.findUniqueOrThrow({ where: { id: citizen.id } });
    expect(account).toMatchObject({ verifiedName: "张晓明", verifiedIdNumber: "510104199003071237" });
    expect(
      await database.prisma.auditLog.count({ where: { action: "identity.link", actorId: citizen.id } }),
    ).toBe(1);
    // from now on the platform alone signs this account in
    expect(await citizenSignOn("p-zhangxiaoming")).toMatchObject({ ok: true, user: { id: citizen.id } });
  });

  it("refuses linking an identity that is someone else's, or a second identity to an account", async () => {
    const citizen = await demoActor(database.prisma, "citizen@example.cn");
    const citizen2 = await demoActor(database.prisma, "citizen2@example.cn");
    expect(await citizenSignOn("p-zhangxiaoming", citizen2.id)).toEqual({
      ok: false,
      reason: "signOnLinkedElsewhere",
    });
    expect(await citizenSignOn("p-lixuemei", citizen.id)).toEqual({
      ok: false,
      reason: "signOnOtherIdentity",
    });
    // a person's identity is not an organisation's
    const org = await demoActor(database.prisma, "org@example.cn");
    expect(await citizenSignOn("p-lixuemei", org.id)).toEqual({ ok: false, reason: "signOnOtherIdentity" });
  });

  it("an identity the platform never checked makes an account below real name", async () => {
    const result = await citizenSignOn("p-liuqiang");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const account = await database.prisma.user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect(account).toMatchObject({
      realNameVerifiedAt: null,
      verifiedIdNumber: null,
      identityAssurance: "L1",
    });
  });
});

describe("staff sign on through the government sign-on", () => {
  it("only when an administrator registered them, and only with the platform's second factor", async () => {
    const admin = await demoActor(database.prisma, "admin@example.cn");
    const caseworker = await demoActor(database.prisma, "caseworker@example.cn");
    const editor = await demoActor(database.prisma, "editor@example.cn");
    const staffSignOn = async (subject: string) =>
      signOnStaff({
        db: database.prisma,
        issuer: platform.issuer,
        claims: await claimsOf(subject, staffClient),
      });

    expect(await staffSignOn("s-wangjianguo")).toEqual({ ok: false, reason: "signOnStaffUnknown" });
    // no self-service, and nobody but an administrator registers
    await expect(
      registerStaffSignOn({
        db: database.prisma,
        actor: caseworker,
        userId: caseworker.id,
        issuer: platform.issuer,
        email: "caseworker@example.cn",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    for (const [user, email] of [
      [caseworker, "caseworker@example.cn"],
      [editor, "editor@example.cn"],
    ] as const)
      await registerStaffSignOn({
        db: database.prisma,
        actor: admin,
        userId: user.id,
        issuer: platform.issuer,
        email,
      });

    expect(await staffSignOn("s-wangjianguo")).toMatchObject({
      ok: true,
      secondFactor: true,
      user: { id: caseworker.id },
    });
    const identity = await database.prisma.userIdentity.findFirstOrThrow({
      where: { userId: caseworker.id },
    });
    expect(identity).toMatchObject({ subject: "s-wangjianguo", portal: "staff" });
    expect(await staffSignOn("s-liuyang")).toEqual({ ok: false, reason: "signOnStaffSecondFactor" });
    expect(await staffSignOn("s-qianjin")).toEqual({ ok: false, reason: "signOnStaffUnknown" });
    // a staff identity never opens the citizen door
    expect(
      await signOnCitizen({
        db: database.prisma,
        issuer: platform.issuer,
        claims: await claimsOf("s-wangjianguo", staffClient),
      }),
    ).toEqual({ ok: false, reason: "signOnAccountUnavailable" });
  });
});

describe("assurance levels and forms that know the applicant", () => {
  const wangfang = async () => {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "wangfang@example.cn" } });
    return (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  };

  it("a 行政许可 needs a real-name account: refused below it (audited), open at it", async () => {
    const citizen2 = await demoActor(database.prisma, "citizen2@example.cn");
    const service = await database.prisma.service.findUniqueOrThrow({ where: { code: "JY-JSZG-001" } });
    expect(service).toMatchObject({ type: "LICENSING", requiredLevel: "REAL_NAME" });
    await expect(
      loadApplication({ db: database.prisma, actor: citizen2, serviceCode: "JY-JSZG-001" }),
    ).rejects.toSatisfy(
      (e) => e instanceof AssuranceTooLow && e.key === "assuranceRealName" && e.level === "REGISTERED",
    );
    await expect(
      submitApplication({
        db: database.prisma,
        actor: citizen2,
        serviceCode: "JY-JSZG-001",
        answers: {},
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toBeInstanceOf(AssuranceTooLow);
    expect(
      await database.prisma.auditLog.count({
        where: { actorId: citizen2.id, action: "application.apply", outcome: "DENIED" },
      }),
    ).toBe(2);
    await expect(
      loadApplication({ db: database.prisma, actor: await wangfang(), serviceCode: "JY-JSZG-001" }),
    ).resolves.toMatchObject({ locked: { fullName: "王芳", idNumber: "510106199508224019" } });
  });

  it("a service asking for a verified mobile is open once the number was confirmed by code", async () => {
    const citizen2 = await demoActor(database.prisma, "citizen2@example.cn");
    await database.prisma.service.update({
      where: { code: "MZ-JHDJ-001" },
      data: { requiredLevel: "PHONE_VERIFIED" },
    });
    const load = () => loadApplication({ db: database.prisma, actor: citizen2, serviceCode: "MZ-JHDJ-001" });
    await expect(load()).rejects.toSatisfy((e) => e instanceof AssuranceTooLow && e.key === "assurancePhone");
    await database.prisma.user.update({ where: { id: citizen2.id }, data: { mobileVerifiedAt: new Date() } });
    await expect(load()).resolves.toMatchObject({ locked: {} });
  });

  it("a real-name applicant's name and ID number are the verified ones, whatever is posted", async () => {
    const actor = await wangfang();
    const result = await submitApplication({
      db: database.prisma,
      actor,
      serviceCode: "RS-JYDJ-001",
      // another person's name and number, as the demo citizen once filed
      answers: {
        ...employmentAnswers(await upload(actor)),
        fullName: "张晓明",
        idNumber: "510104199003071237",
      },
      idempotencyKey: randomUUID(),
    });
    const filed = await database.prisma.application.findUniqueOrThrow({
      where: { trackingNumber: result.trackingNumber },
    });
    expect(filed.answers).toMatchObject({ fullName: "王芳", idNumber: "510106199508224019" });
    expect(filed.applicantIdentity).toMatchObject({ name: "王芳", idNumber: "510106199508224019" });
    expect(filed.principalName).toBeNull();
  });

  it("代办 is explicit: the principal's details and a signed declaration, recorded on the case", async () => {
    const actor = await wangfang();
    const submit = async (onBehalf: { name: string; idNumber: string; declarationId: string }) =>
      submitApplication({
        db: database.prisma,
        actor,
        serviceCode: "RS-JYDJ-001",
        answers: employmentAnswers(await upload(actor)),
        idempotencyKey: randomUUID(),
        onBehalf,
      });
    const principal = { name: "李雪梅", idNumber: "510107198805123021" };
    await expect(submit({ ...principal, declarationId: "missing" })).rejects.toSatisfy(
      (e) =>
        e instanceof AnswersInvalid && e.fieldErrors.onBehalfDeclaration === "onBehalfDeclarationRequired",
    );
    await expect(submit({ ...principal, declarationId: await upload(actor, "text/html") })).rejects.toSatisfy(
      (e) => e instanceof AnswersInvalid && e.fieldErrors.onBehalfDeclaration === "fileType",
    );
    await expect(submit({ name: "", idNumber: "123", declarationId: await upload(actor) })).rejects.toSatisfy(
      (e) =>
        e instanceof AnswersInvalid &&
        e.fieldErrors.onBehalfName === "required" &&
        e.fieldErrors.onBehalfIdNumber === "idCardInvalid",
    );
    await expect(
      submit({ name: "王芳", idNumber: "510106199508224019", declarationId: await upload(actor) }),
    ).rejects.toSatisfy(
      (e) => e instanceof AnswersInvalid && e.fieldErrors.onBehalfIdNumber === "onBehalfSelf",
    );

    const declaration = await upload(actor);
    const result = await submit({ ...principal, declarationId: declaration });
    const filed = await database.prisma.application.findUniqueOrThrow({
      where: { trackingNumber: result.trackingNumber },
      include: { attachments: true },
    });
    expect(filed).toMatchObject({ principalName: "李雪梅", principalIdNumber: "510107198805123021" });
    expect(filed.answers).toMatchObject({ fullName: "李雪梅", idNumber: "510107198805123021" });
    expect(filed.applicantIdentity).toMatchObject({ name: "王芳" });
    expect(filed.attachments.find((file) => file.id === declaration)).toMatchObject({
      purpose: "onBehalfDeclaration",
    });
  });
});
