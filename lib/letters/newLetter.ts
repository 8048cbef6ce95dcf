import "server-only";
import type { Prisma } from "../db/generated/client";
import { newAccessCode, nextTrackingNumber } from "../identifiers/trackingNumbers";

/** What a new letter holds besides what filing gives it (its 信件编号, 查询码 and first event). */
export type TNewLetter = Omit<Prisma.LetterUncheckedCreateInput, "number" | "accessCode" | "events">;

/**
 * Files a letter in the caller's transaction, from the portal's form or a 12345 work order: the
 * next XJ 信件编号, a 查询码, and its first event (submitted, by `actorId`, with `eventData`).
 */
export async function fileLetter(
  tx: Prisma.TransactionClient,
  letter: TNewLetter,
  submitted: { actorId: string | null; eventData?: Prisma.InputJsonValue },
) {
  const number = await nextTrackingNumber(tx, "XJ");
  return tx.letter.create({
    data: {
      ...letter,
      number,
      accessCode: newAccessCode(),
      events: {
        create: {
          kind: "submit",
          toStatus: "SUBMITTED",
          actorId: submitted.actorId,
          ...(submitted.eventData === undefined ? {} : { data: submitted.eventData }),
        },
      },
    },
  });
}
