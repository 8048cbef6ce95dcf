import "server-only";
import { z } from "zod";
import { getCaseSettings } from "../settings/queries";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { addWorkingDays, chinaDay } from "../calendar/workdays";
import { FormError, NotFoundError } from "../shared/errors";

/** 好差评: 5 非常满意 … 1 非常不满意; the lowest two are 差评 and open a follow-up. */
export const ratingLevels = [5, 4, 3, 2, 1] as const;
const isBadRating = (level: number) => level <= 2;
export const ZRating = z.object({
  trackingNumber: z.string().min(1),
  level: z.coerce.number({ error: "chooseRating" }).int().min(1, "chooseRating").max(5, "chooseRating"),
  comment: z.string().trim().max(500, "tooLongMax|500").optional(),
});

/**
 * The applicant rates a finished case once (一事一评). A 差评 opens a follow-up for the
 * department's supervisor with its own working-day deadline.
 */
export async function rateCase(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    level: number;
    comment?: string;
    followUpDays?: number;
    now?: Date;
  } & TDbOption,
): Promise<{ bad: boolean }> {
  const prisma = await clientOf(input);
  const found = await prisma.application.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    include: { rating: true },
  });
  if (!found) throw new NotFoundError("case");
  if (found.status !== "COMPLETED" && found.status !== "DELIVERED") throw new FormError("ratingNotYet");
  if (found.rating) throw new FormError("ratingOnce");
  const bad = isBadRating(input.level);
  const followUpDays = input.followUpDays ?? (await getCaseSettings({ db: prisma })).followUpDays;
  const due = bad ? addWorkingDays(chinaDay(input.now ?? new Date()), followUpDays) : null;
  try {
    await prisma.rating.create({
      data: {
        applicationId: found.id,
        level: input.level,
        comment: input.comment || null,
        followUpStatus: bad ? "OPEN" : null,
        followUpDue: due ? new Date(`${due.due}T00:00:00Z`) : null,
        followUpNotes: bad ? [] : undefined,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new FormError("ratingOnce");
    throw error;
  }
  return { bad };
}
