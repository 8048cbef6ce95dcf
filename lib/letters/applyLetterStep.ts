import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { addWorkingDays, calendarVersion, chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError } from "../shared/errors";
import { stepEngine, type TStepInput, type TStepKind } from "../workflow/applyStep";
import { letterRatings, type TLetterRating } from "./kinds";
import { getLetterSettings } from "./settings";
import { handlesMailbox } from "../auth/policy";
import { letterWorkflow, type TLetterRule, type TLetterStep } from "./letterWorkflow";
import { redactLetter } from "./redact";
import { contentChanged } from "../cache/contentChanged";
import { clientOf } from "../db/client";
import { refreshSearchEntry } from "../search/index";
import { queueLetterWebhooks } from "../webhooks/deliveries";
import { queueLetterRepliedSms } from "../sms/choices";

export type TLetterStepInput = TStepInput<TLetterStep> & {
  number: string;
  reason?: string;
  /** forward: the receiving department's code */
  department?: string;
  /** merge: the 信件编号 of the earlier letter of the same matter */
  duplicateOf?: string;
  replyText?: string;
  rating?: string;
  /** publish: the reviewed public copy; left empty, the detector's redaction is published */
  publicSubject?: string;
  publicContent?: string;
  publicReply?: string;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const addCalendarDays = (day: string, n: number) => dayOf(new Date(asDate(day).getTime() + n * 86400_000));

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
  return redactLetter({
    subject: letter.subject,
    content: letter.content,
    reply: letter.replyText ?? "",
    writerName: letter.writer?.name,
  });
}

const letterStepKind: TStepKind<TLetter, TLetterRule, TLetterStepInput, TLetterPlan> = {
  workflow: letterWorkflow,
  audit: { action: "letter", entityType: "Letter" },
  key: (input) => input.number,
  load: loadLetter,
  async plan({ prisma, step, entity, input, reason, now, actor }) {
    const day = chinaDay(now);
    const data: Prisma.LetterUncheckedUpdateManyInput = {};
    const eventData: TLetterPlan["eventData"] = {};
    const replyTextOf = () => {
      const replyText = input.replyText?.trim();
      if (!replyText) throw new FormError("required", "replyText");
      return replyText;
    };
    switch (step) {
      case "accept": {
        // the clock runs from acceptance, in working days by the letter's kind (settings)
        const settings = await getLetterSettings({ db: prisma });
        const deadline = addWorkingDays(day, settings.replyWorkingDays[entity.kind]);
        Object.assign(data, {
          acceptedOn: asDate(day),
          dueOn: asDate(deadline.due),
          dueProvisional: deadline.provisional,
        });
        Object.assign(eventData, { due: deadline.due, calendarVersion });
        break;
      }
      case "refuse":
      case "returnDraft":
        break;
      case "forward": {
        const to = input.department
          ? await prisma.department.findFirst({
              where: { code: input.department, issuerOnly: false },
              select: { id: true, code: true },
            })
          : null;
        if (!to || to.id === entity.department?.id) throw new FormError("choose", "department");
        Object.assign(data, { departmentId: to.id, forwardedFromId: entity.department?.id ?? null });
        Object.assign(eventData, { from: entity.department?.code ?? "MAYOR", to: to.code });
        return { data, reason, eventData, auditDetail: { department: to.code } as Record<string, string> };
      }
      case "sendBack": {
        // back to the mailbox that forwarded it (the 市长信箱 when none), which decides again
        const back = entity.forwardedFromId
          ? await prisma.department.findUnique({
              where: { id: entity.forwardedFromId },
              select: { code: true },
            })
          : null;
        Object.assign(data, { departmentId: entity.forwardedFromId, forwardedFromId: null, sentBack: true });
        Object.assign(eventData, { from: entity.department?.code ?? "MAYOR", to: back?.code ?? "MAYOR" });
        break;
      }
      case "merge": {
        const into = input.duplicateOf
          ? await prisma.letter.findUnique({
              where: { number: input.duplicateOf.trim().toUpperCase() },
              select: { id: true, number: true, status: true, department: { select: { code: true } } },
            })
          : null;
        // the earlier letter must be one this handler sees, still standing on its own
        if (
          !into ||
          into.id === entity.id ||
          into.status === "MERGED" ||
          into.status === "REFUSED" ||
          !handlesMailbox(actor, into.department)
        )
          throw new FormError("letterNotMergeable", "duplicateOf");
        Object.assign(data, { mergedIntoId: into.id, dueOn: null });
        eventData.into = into.number;
        return { data, reason, eventData, auditDetail: { into: into.number } as Record<string, string> };
      }
      case "requestExtension":
        Object.assign(data, { extension: "REQUESTED", extensionRequestedById: actor.id });
        break;
      case "approveExtension": {
        const settings = await getLetterSettings({ db: prisma });
        if (!entity.dueOn) throw new FormError("transitionNotAllowed");
        const deadline = addWorkingDays(dayOf(entity.dueOn), settings.extensionWorkingDays);
        Object.assign(data, {
          extension: "APPROVED",
          dueOn: asDate(deadline.due),
          dueProvisional: entity.dueProvisional || deadline.provisional,
        });
        Object.assign(eventData, { due: deadline.due, previousDue: dayOf(entity.dueOn), calendarVersion });
        break;
      }
      case "declineExtension":
        data.extension = "DECLINED";
        break;
      case "draft":
        Object.assign(data, { replyText: replyTextOf(), draftedById: actor.id });
        break;
      case "signOff":
        break;
      case "send":
      case "reanswer": {
        // the working days run from acceptance to the reply the writer receives
        const replyText = step === "reanswer" ? replyTextOf() : entity.replyText;
        const days = entity.acceptedOn ? workingDaysBetween(dayOf(entity.acceptedOn), day) : 0;
        Object.assign(data, { replyText, repliedOn: asDate(day), workingDays: days, draftedById: null });
        // a second reply is rated afresh: the figures count the writer's last word
        if (step === "reanswer") Object.assign(data, { rating: null, ratedAt: null });
        Object.assign(eventData, { workingDays: days, onTime: !entity.dueOn || day <= dayOf(entity.dueOn) });
        break;
      }
      case "rate":
      case "reopen": {
        const rating = letterRatings.find((r) => r === input.rating) as TLetterRating | undefined;
        if (!rating) throw new FormError("choose", "rating");
        const settings = await getLetterSettings({ db: prisma });
        // rated within the settings' days of the reply (calendar days, China time)
        if (entity.repliedOn && dayOf(entity.repliedOn) < addCalendarDays(day, -settings.ratingDays))
          throw new FormError("letterRatingClosed", "rating");
        if (step === "reopen" && rating !== "UNSATISFIED") throw new FormError("choose", "rating");
        Object.assign(data, { rating, ratedAt: now });
        if (step === "reopen") Object.assign(data, { reopened: true });
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
    // the published copy joins the portal's search in the same transaction
    if (step === "publish") await refreshSearchEntry(tx, { type: "letter", id: entity.id });
    // a 12345 work order's steps go to the hotline system, queued with the step itself
    if (entity.channel === "HOTLINE")
      await queueLetterWebhooks(tx, { letterId: entity.id, step, reason: plan.reason, at: new Date() });
    // the writer hears of the reply by SMS when they chose it (account settings)
    if ((step === "send" || step === "reanswer") && entity.writerId)
      await queueLetterRepliedSms(tx, { writerId: entity.writerId, number: entity.number });
  },
  // the public list shows published letters and the public figures count every step (accepted,
  // forwarded, answered, rated): the cached copies go at once
  afterCommit: async () => {
    contentChanged();
  },
};

/**
 * Takes one step on a letter (letterWorkflow): a handler of its mailbox or its writer, the
 * table, the step's own rules and nobody having changed the letter meanwhile; the change, the
 * timeline event and the audit entry commit together.
 */
export async function applyLetterStep(input: TLetterStepInput) {
  const { status, version } = await stepEngine(letterStepKind).apply(input);
  return { status, version };
}

/**
 * The writer's rating of a reply: 不满意 on a first reply reopens the letter (once) for a
 * supervisor's second reply; any other rating, or one of a second reply, is recorded as it is.
 */
export async function rateLetter(input: Omit<TLetterStepInput, "step"> & { rating: TLetterRating }) {
  const prisma = await clientOf(input);
  const letter = await prisma.letter.findUnique({
    where: { number: input.number },
    select: { status: true, reopened: true },
  });
  const reopens = input.rating === "UNSATISFIED" && letter?.status === "REPLIED" && !letter.reopened;
  return applyLetterStep({ ...input, step: reopens ? "reopen" : "rate" });
}
