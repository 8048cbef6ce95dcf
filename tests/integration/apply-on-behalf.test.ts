import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor, employmentAnswers } from "../helpers/demo";
import { applyingForStepId, saveApplyingFor } from "@/lib/cases/applyingFor";
import { saveApplicationStep } from "@/lib/cases/saveApplicationStep";
import { loadApplication } from "@/lib/cases/drafts";
import { AnswersInvalid, submitDraftedApplication } from "@/lib/cases/submitApplication";
import { ZFormDefinition } from "@/lib/services/form-definition";
import type { TReceivedFile } from "@/lib/uploads/receiveUpload";
import { NotFoundError } from "@/lib/shared/errors";
import type { TSessionUser } from "@/lib/auth/types";
import { getOwnCase } from "@/lib/cases/ownCases";
import { ownCaseJson } from "@/lib/cases/caseJson";
import { openApiDocument } from "@/lib/api/openapi";

/** 代办 through the web apply journey: the who-is-it-for step, the form's steps, check and submit. */
let database: TestDatabase;
let tmp: string;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "on-behalf-"));
});
afterAll(async () => {
  await database?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const pdf = new TextEncoder().encode("%PDF-1.4\n% a signed declaration\n%%EOF\n");
const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");

/** A file as the form route leaves it on disk after streaming it. */
async function received(field: string, bytes: Uint8Array, name = "declaration.pdf"): Promise<TReceivedFile> {
  const file = path.join(tmp, randomUUID());
  await fs.writeFile(file, bytes);
  return {
    field,
    path: file,
    name,
    size: bytes.byteLength,
    head: bytes.subarray(0, 16),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

const principal = { onBehalfName: "李雪梅", onBehalfIdNumber: "510107198805123021" };
const serviceCode = "RS-JYDJ-001";

describe("代办 on the web apply form", () => {
  let citizen: TSessionUser;
  const who = async (values: Record<string, string>, files: TReceivedFile[] = []) =>
    saveApplyingFor({
      db: database.prisma,
      actor: citizen,
      serviceCode,
      formData: form(values),
      files,
      validate: true,
    });

  beforeAll(async () => {
    // a real-name account (as after linking the identity platform): its name and ID number are locked
    await database.prisma.user.update({
      where: { email: "citizen@example.cn" },
      data: {
        realNameVerifiedAt: new Date(),
        verifiedName: "张晓明",
        verifiedIdNumber: "510104199003071237",
      },
    });
    citizen = await demoActor(database.prisma, "citizen@example.cn");
  });

  it("asks who it is for first, checks the principal and the declaration, and keeps what was typed", async () => {
    expect(await loadApplication({ db: database.prisma, actor: citizen, serviceCode })).toMatchObject({
      choosesApplyingFor: true,
      applyingFor: {},
    });
    expect(await who({})).toMatchObject({ ok: false, fieldErrors: { applyingFor: "required" } });

    const missing = await who({
      applyingFor: "other",
      onBehalfName: "",
      onBehalfIdNumber: "51010719880512302X",
    });
    expect(missing).toEqual({
      ok: false,
      fieldErrors: {
        onBehalfName: "required",
        onBehalfIdNumber: "idCardInvalid",
        onBehalfDeclaration: "fileRequired",
      },
      values: { applyingFor: "other", onBehalfName: "", onBehalfIdNumber: "51010719880512302X" },
    });

    // the declaration is checked by its content, whatever its name says
    const hostile = await who({ applyingFor: "other", ...principal }, [
      await received("onBehalfDeclaration", html, "declaration.pdf"),
    ]);
    expect(hostile).toMatchObject({ ok: false, fieldErrors: { onBehalfDeclaration: "fileType" } });

    // the account holder cannot be their own principal (the file is kept for the next try)
    const self = await who(
      { applyingFor: "other", onBehalfName: "张晓明", onBehalfIdNumber: "510104199003071237" },
      [await received("onBehalfDeclaration", pdf)],
    );
    expect(self).toMatchObject({ ok: false, fieldErrors: { onBehalfIdNumber: "onBehalfSelf" } });
    expect(Object.keys((self as { fieldErrors: object }).fieldErrors)).toEqual(["onBehalfIdNumber"]);

    expect(await who({ applyingFor: "other", ...principal })).toEqual({ ok: true, next: "applicant" });
    const loaded = await loadApplication({ db: database.prisma, actor: citizen, serviceCode });
    expect(loaded.applyingFor).toMatchObject({ applyingFor: "other", ...principal });
    expect(loaded.files[String(loaded.applyingFor.onBehalfDeclaration)]).toBe("declaration.pdf");
    // the applicant fields now hold the principal, locked
    expect(loaded.locked).toEqual({ fullName: "李雪梅", idNumber: "510107198805123021" });
  });

  it("submits through submitApplication's onBehalf: the principal on the case, the declaration among its files", async () => {
    const service = await database.prisma.service.findUniqueOrThrow({ where: { code: serviceCode } });
    const steps = ZFormDefinition.parse(service.form).steps;
    const answers: Record<string, string> = { ...employmentAnswers(""), fullName: "王芳" };
    for (const step of steps) {
      const typed = Object.fromEntries(
        step.fields
          .filter((field) => field.type !== "file" && typeof answers[field.name] === "string")
          .map((field) => [field.name, answers[field.name]]),
      );
      const files = await Promise.all(
        step.fields
          .filter((field) => field.type === "file")
          .map((field) => received(field.name, pdf, "id.pdf")),
      );
      const saved = await saveApplicationStep({
        db: database.prisma,
        actor: citizen,
        serviceCode,
        stepId: step.id,
        formData: form(typed),
        files,
        validate: true,
      });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
    }
    const draft = await database.prisma.applicationDraft.findFirstOrThrow({
      where: { userId: citizen.id, serviceId: service.id },
    });
    // whatever was posted for them, the applicant fields are the principal's
    expect(draft.answers).toMatchObject({ fullName: "李雪梅", idNumber: "510107198805123021" });

    // a declaration that is not the citizen's own: back to the who-is-it-for step
    const declarationId = (draft.onBehalf as Record<string, string>).onBehalfDeclaration;
    await database.prisma.applicationDraft.update({
      where: { id: draft.id },
      data: { onBehalf: { applyingFor: "other", ...principal, onBehalfDeclaration: "0123456789abcdef" } },
    });
    const submit = (idempotencyKey = randomUUID()) =>
      submitDraftedApplication({ db: database.prisma, actor: citizen, serviceCode, idempotencyKey });
    await expect(submit()).rejects.toSatisfy(
      (e) =>
        e instanceof AnswersInvalid &&
        e.stepId === applyingForStepId &&
        e.fieldErrors.onBehalfDeclaration === "onBehalfDeclarationRequired",
    );
    await database.prisma.applicationDraft.update({
      where: { id: draft.id },
      data: { onBehalf: { applyingFor: "other", ...principal, onBehalfDeclaration: declarationId } },
    });

    const result = await submit();
    const filed = await database.prisma.application.findUniqueOrThrow({
      where: { trackingNumber: result.trackingNumber },
      include: { attachments: true },
    });
    expect(filed).toMatchObject({ principalName: "李雪梅", principalIdNumber: "510107198805123021" });
    expect(filed.answers).toMatchObject({ fullName: "李雪梅", idNumber: "510107198805123021" });
    // the agent: the account holder, with the identity the platform verified
    expect(filed.applicantIdentity).toMatchObject({ name: "张晓明", idNumber: "510104199003071237" });
    expect(filed.attachments.find((file) => file.id === declarationId)).toMatchObject({
      purpose: "onBehalfDeclaration",
      mimeType: "application/pdf",
    });
    expect(await database.prisma.applicationDraft.count({ where: { id: draft.id } })).toBe(0);
    // the API's view of the case says it was a 代办, as its OpenAPI text describes
    const own = await getOwnCase({
      db: database.prisma,
      actor: citizen,
      trackingNumber: result.trackingNumber,
    });
    expect(ownCaseJson(own!).onBehalf).toEqual({ name: "李雪梅", idNumber: "510107198805123021" });
    // the document as a client reads it
    const paths = JSON.parse(JSON.stringify(openApiDocument("http://x").paths));
    const body = paths["/applications"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties.onBehalf.properties)).toEqual(["name", "idNumber", "declaration"]);
    expect(body.properties.onBehalf.description).toContain("onBehalfDeclaration");
    expect(
      paths["/applications/{trackingNumber}"].get.responses["200"].content["application/json"].schema
        .properties.onBehalf.properties,
    ).toHaveProperty("idNumber");
  });

  it("for myself: no principal, the verified identity's fields; an organisation is not asked", async () => {
    expect(await who({ applyingFor: "self", ...principal })).toEqual({ ok: true, next: "applicant" });
    const loaded = await loadApplication({ db: database.prisma, actor: citizen, serviceCode });
    expect(loaded.applyingFor).toEqual({ applyingFor: "self" });
    expect(loaded.locked).toEqual({ fullName: "张晓明", idNumber: "510104199003071237" });

    const organisation = await demoActor(database.prisma, "org@example.cn");
    const forOrganisation = await loadApplication({
      db: database.prisma,
      actor: organisation,
      serviceCode: "SC-QYKB-001",
    });
    expect(forOrganisation.choosesApplyingFor).toBe(false);
    await expect(
      saveApplyingFor({
        db: database.prisma,
        actor: organisation,
        serviceCode: "SC-QYKB-001",
        formData: form({ applyingFor: "other", ...principal }),
        files: [],
        validate: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
