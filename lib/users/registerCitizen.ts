import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { FormError } from "../shared/errors";
import { hashPassword } from "../auth/password";
import type { TRegister } from "../auth/schema";
import type { TSessionUser } from "../auth/types";

/** Creates a citizen (person or organisation) account; an e-mail already in use is a field error. */
export async function registerCitizen(input: TRegister & TDbOption): Promise<TSessionUser> {
  const prisma = await clientOf(input);
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new FormError("emailTaken", "email");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { email: input.email, name: input.name, accountType: input.accountType, passwordHash },
    });
    return { id: user.id, email: user.email, name: user.name, accountType: user.accountType, grants: [] };
  } catch (error) {
    // two registrations racing for one address: the unique index decides
    if ((error as { code?: string }).code === "P2002") throw new FormError("emailTaken", "email");
    throw error;
  }
}
