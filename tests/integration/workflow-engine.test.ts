import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { TSessionUser } from "@/lib/auth/types";
import { stepEngine, type TStepInput, type TStepKind } from "@/lib/workflow/applyStep";
import type { TStepRule, TWorkflow } from "@/lib/workflow/workflow";
import { FormError, NotFoundError } from "@/lib/shared/errors";

/**
 * The engine alone, on a toy workflow stored in the notice table: a draft its author may
 * submit (not an emergency one) or withdraw; its event row is a revision.
 */
type TToyStep = "submit" | "withdraw" | "touch";
type TToyEntity = {
  id: string;
  version: number;
  status: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED" | "ARCHIVED";
  authorId: string | null;
  emergency: boolean;
};
const toyWorkflow: TWorkflow<TToyStep, TToyEntity, TStepRule<TToyEntity, "author">> = {
  steps: {
    submit: {
      from: ["DRAFT"],
      to: "SUBMITTED",
      by: "author",
      refusal: (entity) => (entity.emergency ? "notEmergency" : null),
    },
    withdraw: { from: ["DRAFT", "SUBMITTED"], to: "ARCHIVED", by: "author", needsReason: true },
    touch: { from: ["DRAFT"], to: null, by: "author", needsMissingList: true },
  },
  actsAs: (actor, _by, entity) => entity.authorId === actor.id,
};
type TToyInput = TStepInput<TToyStep> & { id: string; title?: string };
const toySteps: TStepKind<
  TToyEntity,
  TStepRule<TToyEntity, "author">,
  TToyInput,
  { data: { title?: string } }
> = {
  workflow: toyWorkflow,
  audit: { action: "toy", entityType: "Notice" },
  key: (input) => input.id,
  load: (prisma, id) => prisma.notice.findUnique({ where: { id } }),
  plan: async ({ input, reason, missing }) => {
    if (input.title === "") throw new FormError("required", "title");
    const detail = { ...(reason ? { reason } : {}), ...(missing.length ? { missing } : {}) };
    return { data: input.title ? { title: input.title } : {}, auditDetail: detail };
  },
  update: (tx, update) => tx.notice.updateMany(update),
  record: async (tx, { actor, step, entity, input }) => {
    // a title that cannot be recorded fails inside the transaction: nothing of the step may stay
    if (input.title === "boom") throw new FormError("boom");
    await tx.noticeRevision.create({
      data: {
        noticeId: entity.id,
        version: entity.version + 1,
        title: "t",
        body: "b",
        editorId: actor.id,
        comment: step,
      },
    });
  },
};

let database: TestDatabase;
let prisma: PrismaClient;
const author: TSessionUser = { id: "author", email: "a@x", name: "A", accountType: "STAFF", grants: [] };
const stranger: TSessionUser = { id: "stranger", email: "s@x", name: "S", accountType: "STAFF", grants: [] };

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  for (const user of [author, stranger])
    await prisma.user.create({
      data: { id: user.id, email: user.email, name: user.name, accountType: "STAFF", passwordHash: "-" },
    });
});
afterAll(() => database.close());

async function draft(emergency = false) {
  const notice = await prisma.notice.create({
    data: { title: "t", body: "b", category: "general", source: "s", authorId: author.id, emergency },
  });
  return notice.id;
}
const take = (input: Omit<TToyInput, "db">) => stepEngine(toySteps).apply({ ...input, db: prisma });
const events = (noticeId: string) => prisma.noticeRevision.count({ where: { noticeId } });
const audits = (entityId: string, outcome: "ALLOWED" | "DENIED") =>
  prisma.auditLog.count({ where: { entityId, outcome } });

describe("the workflow engine", () => {
  it("changes status and version, writes the event and the audit entry together", async () => {
    const id = await draft();
    const done = await take({ actor: author, id, step: "submit", expectedVersion: 1, title: "new" });
    expect(done).toMatchObject({ status: "SUBMITTED", version: 2 });
    expect(await prisma.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SUBMITTED",
      version: 2,
      title: "new",
    });
    expect(await events(id)).toBe(1);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({
      action: "toy.submit",
      entityType: "Notice",
      outcome: "ALLOWED",
      actorId: author.id,
    });
    expect(audit.detail).toEqual({ from: "DRAFT", to: "SUBMITTED" });
  });

  it("keeps the status for a step that leads nowhere, and still records it", async () => {
    const id = await draft();
    await expect(
      take({ actor: author, id, step: "touch", expectedVersion: 1, missing: ["a"] }),
    ).resolves.toMatchObject({
      status: "DRAFT",
      version: 2,
    });
    expect(await events(id)).toBe(1);
  });

  it("refuses someone the table does not name as not found, and audits the refusal", async () => {
    const id = await draft();
    await expect(take({ actor: stranger, id, step: "submit", expectedVersion: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      take({ actor: author, id: "no-such-notice", step: "submit", expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits(id, "DENIED")).toBe(1);
    expect(await audits("no-such-notice", "DENIED")).toBe(1);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({
      action: "toy.submit",
      actorId: stranger.id,
    });
    expect(await events(id)).toBe(0);
  });

  it("refuses a stale version, a step not open from the status, and a step its own rule refuses", async () => {
    const id = await draft();
    const key = (e: unknown) => (e instanceof FormError ? e.key : e);
    await expect(take({ actor: author, id, step: "submit", expectedVersion: 7 }).catch(key)).resolves.toBe(
      "caseChanged",
    );
    await take({ actor: author, id, step: "withdraw", expectedVersion: 1, reason: "r" });
    await expect(take({ actor: author, id, step: "submit", expectedVersion: 2 }).catch(key)).resolves.toBe(
      "transitionNotAllowed",
    );
    const emergency = await draft(true);
    await expect(
      take({ actor: author, id: emergency, step: "submit", expectedVersion: 1 }).catch(key),
    ).resolves.toBe("notEmergency");
    await expect(
      take({ actor: author, id: emergency, step: "submit", expectedVersion: 1, title: "" }).catch(key),
    ).resolves.toBe("notEmergency");
    expect(await audits(emergency, "ALLOWED")).toBe(0);
  });

  it("refuses a step whose rule needs a reason without one, naming the field, and hands the plan the trimmed reason", async () => {
    const id = await draft();
    for (const reason of [undefined, "", "  \n "]) {
      const refused = await take({ actor: author, id, step: "withdraw", expectedVersion: 1, reason }).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(FormError);
      expect(refused).toMatchObject({ key: "reasonRequired", field: "reason" });
    }
    expect(await prisma.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      version: 1,
    });
    await take({ actor: author, id, step: "withdraw", expectedVersion: 1, reason: "  no longer needed " });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "toy.withdraw" } });
    expect(audit.detail).toEqual({ from: "DRAFT", to: "ARCHIVED", reason: "no longer needed" });
  });

  it("refuses a step whose rule needs a list of what is missing without one, and hands the plan the items", async () => {
    const id = await draft();
    for (const missing of [undefined, [], ["", "  "]]) {
      const refused = await take({ actor: author, id, step: "touch", expectedVersion: 1, missing }).catch(
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ key: "missingListRequired", field: "missing" });
    }
    expect(await events(id)).toBe(0);
    await take({ actor: author, id, step: "touch", expectedVersion: 1, missing: [" ID card ", "", "photo"] });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "toy.touch" } });
    expect(audit.detail).toEqual({ from: "DRAFT", to: "DRAFT", missing: ["ID card", "photo"] });
  });

  it("leaves nothing behind when the step fails inside the transaction", async () => {
    const id = await draft();
    await expect(
      take({ actor: author, id, step: "submit", expectedVersion: 1, title: "boom" }),
    ).rejects.toBeInstanceOf(FormError);
    expect(await prisma.notice.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      version: 1,
      title: "t",
    });
    expect(await events(id)).toBe(0);
    expect(await audits(id, "ALLOWED")).toBe(0);
  });

  it("lets one of two concurrent steps win on the guarded update", async () => {
    const id = await draft();
    const results = await Promise.allSettled([
      take({ actor: author, id, step: "submit", expectedVersion: 1 }),
      take({ actor: author, id, step: "withdraw", expectedVersion: 1, reason: "r" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((loser.reason as FormError).key).toBe("caseChanged");
    expect(await events(id)).toBe(1);
    expect(await audits(id, "ALLOWED")).toBe(1);
  });
});
