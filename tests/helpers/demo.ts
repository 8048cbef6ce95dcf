import type { PrismaClient } from "../../lib/db/generated/client";
import { loadSessionUser } from "../../lib/auth/verifyCredentials";
import type { TSessionUser } from "../../lib/auth/types";

/** The session user of a seeded demo account, as the server would load it. */
export async function demoActor(prisma: PrismaClient, email: string): Promise<TSessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await loadSessionUser({ db: prisma, userId: user.id }))!;
}

export { employmentAnswers } from "./answers";
