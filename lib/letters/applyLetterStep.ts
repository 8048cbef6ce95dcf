import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { addWorkingDays, calendarVersion, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError } from "../shared/errors";
import { applyStep, type TStepInput, type TStepKind } from "../workflow/applyStep";
import type { TStepRule } from "../workflow/workflow";
import { letterRatings, replyWorkingDays, type TLetterRating } from "./kinds";
import { letterWorkflow, type TLetterStep } from "./letterWorkflow";
import { redactPersonalData } from "./redact";
import { contentChanged } from "../cache/contentChanged";

export type TLetterStepInput = TStepInput<TLetterStep> & {
  number: string;
  reason?: string;
  /** forward: the receiving department's code */
  department?: string;
  replyText?: string;
  rating?: string;
  /** publish: the reviewed public copy; left empty, the detector's redaction is published */
  publicSubject?: string;
  publicContent?: string;
  publicReply?: string;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const loadLetter = (prisma: PrismaClient, number: string) =>
  prisma.letter.findUnique({
    where: { number },
    include: {
      department: { select: { id: true, code: true } },
      writer: { select: { name: true } },
    },
  });

type TLetter = NonNullable<Awaited<ReturnType<typeof loadLetter>>>;
type TLetterPlan = {
  data: Prisma.LetterUncheckedUpdateManyInput;
  reason: string | null;
  eventData: Record<string, string | number | boolean>;
  auditDetail?: Record<string, string>;
};

/** The redacted public copy the detector proposes for a letter: what a handler reviews before publishing. */
export function proposedPublicCopy(letter: {
  subject: string;
  content: string;
  replyText: string | null;
  writer: { name: string } | null;
}) {
  const names = [letter.writer?.name];
  return {
    publicSubject: redactPersonalData(letter.subject, { names }),
    publicContent: redactPersonalData(letter.content, { names }),
    publicReply: redactPersonalData(letter.replyText ?? "", { names }),
  };
}

const letterStepKind: TStepKind<
  TLetterStep,
  TLetter,
  TStepRule<TLetter, "handler" | "writer">,
  TLetterStepInput,
  TLetterPlan
> = {
  workflow: letterWorkflow,
  action: "letter",
  entityType: "Letter",
  key: (input) => input.number,
  load: loadLetter,
  async plan({ prisma, step, entity, input, now }) {
    const day = chinaDay(now);
    const reason = input.reason?.trim() || null;
    const data: Prisma.LetterUncheckedUpdateManyInput = {};
    const eventData: TLetterPlan["eventData"] = {};
    switch (step) {
      case "accept": {
        // the clock runs from acceptance, in working days by the letter's kind
        const deadline = addWorkingDays(day, replyWorkingDays[entity.kind]);
        Object.assign(data, {
          acceptedOn: asDate(day),
          dueOn: asDate(deadline.due),
          dueProvisional: deadline.provisional,
        });
        Object.assign(eventData, { due: deadline.due, calendarVersion });
        break;
      }
      case "refuse":
        if (!reason) throw new FormError("reasonRequired", "reason");
        break;
      case "forward": {
        if (!reason) throw new FormError("reasonRequired", "reason");
        const to = input.department
          ? await prisma.department.findUnique({
              where: { code: input.department },
              select: { id: true, code: true },
            })
          : null;
        if (!to || to.id === entity.department?.id) throw new FormError("choose", "department");
        Object.assign(data, { departmentId: to.id, forwardedFromId: entity.department?.id ?? null });
        Object.assign(eventData, { from: entity.department?.code ?? "MAYOR", to: to.code });
        return { data, reason, eventData, auditDetail: { department: to.code } };
      }
      case "reply": {
        const replyText = input.replyText?.trim();
        if (!replyText) throw new FormError("required", "replyText");
        const days = entity.acceptedOn ? workingDaysBetween(dayOf(entity.acceptedOn), day) : 0;
        Object.assign(data, { replyText, repliedOn: asDate(day), workingDays: days });
        Object.assign(eventData, { workingDays: days, onTime: !entity.dueOn || day <= dayOf(entity.dueOn) });
        break;
      }
      case "rate": {
        const rating = letterRatings.find((r) => r === input.rating) as TLetterRating | undefined;
        if (!rating) throw new FormError("choose", "rating");
        Object.assign(data, { rating, ratedAt: now });
        eventData.rating = rating;
        break;
      }
      case "publish": {
        const proposed = proposedPublicCopy(entity);
        const reviewed = (text: string | undefined, fallback: string) => text?.trim() || fallback;
        const publicReply = reviewed(input.publicReply, proposed.publicReply);
        if (!publicReply) throw new FormError("required", "publicReply");
        Object.assign(data, {
          publicSubject: reviewed(input.publicSubject, proposed.publicSubject),
          publicContent: reviewed(input.publicContent, proposed.publicContent),
          publicReply,
          publishedAt: now,
        });
        break;
      }
    }
    return { data, reason, eventData };
  },
  update: (tx, update) => tx.letter.updateMany(update),
  async record(tx, { actor, step, entity, to, plan }) {
    await tx.letterEvent.create({
      data: {
        letterId: entity.id,
        actorId: actor.id,
        kind: step,
        fromStatus: entity.status,
        toStatus: to,
        reason: plan.reason,
        data: plan.eventData,
      },
    });
  },
  // the audit log follows the administration's handling; the writer's rating is on the timeline
  audited: (rule) => rule.by !== "writer",
  // a published letter changes the public list and figures: this instance's cached copies go at once
  afterCommit: async ({ step }) => {
    if (step === "publish" || step === "reply") contentChanged();
  },
};

/**
 * Takes one step on a letter (letterWorkflow): a handler of its mailbox or its writer, the
 * table, the step's own rules and nobody having changed the letter meanwhile; the change, the
 * timeline event and the audit entry commit together.
 */
export async function applyLetterStep(input: TLetterStepInput) {
  const { status, version } = await applyStep(letterStepKind, input);
  return { status, version };
}
