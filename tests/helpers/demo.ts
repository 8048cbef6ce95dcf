import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/db/generated/client";
import { loadSessionUser } from "../../lib/auth/verifyCredentials";
import type { TSessionUser } from "../../lib/auth/types";
import { submitApplication } from "../../lib/cases/submitApplication";
import { employmentAnswers } from "./answers";

/** The session user of a seeded demo account, as the server would load it. */
export async function demoActor(prisma: PrismaClient, email: string): Promise<TSessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await loadSessionUser({ db: prisma, userId: user.id }))!;
}

/**
 * A citizen's 就业登记 application with its uploaded ID card, submitted as the apply form would:
 * its tracking number.
 */
export async function submitCase(prisma: PrismaClient, citizen: TSessionUser): Promise<string> {
  const id = randomUUID().replace(/-/g, "").slice(0, 24);
  await prisma.attachment.create({
    data: {
      id,
      fileName: "id-card.pdf",
      mimeType: "application/pdf",
      size: 1000,
      sha256: "0".repeat(64),
      storageKey: `test/${id}`,
      uploaderId: citizen.id,
    },
  });
  const created = await submitApplication({
    db: prisma,
    actor: citizen,
    serviceCode: "RS-JYDJ-001",
    answers: employmentAnswers(id),
    idempotencyKey: randomUUID(),
  });
  return created.trackingNumber;
}

export { employmentAnswers };
