import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { queueSms } from "./sendSms";

type Tx = PrismaClient | Prisma.TransactionClient;

/** The kinds of notice a citizen chooses channels for. */
export const notifyKinds = ["supplement", "decision", "letterReply", "emergency"] as const;
export type TNotifyKind = (typeof notifyKinds)[number];
export type TChannels = { email: boolean; sms: boolean };

/** Without a choice: e-mail only (what the portal did before it had SMS). */
const defaultChannels: TChannels = { email: true, sms: false };

/** The form: per kind, "email", "sms" or "both". */
export const ZNotifyChoices = z.object(
  Object.fromEntries(notifyKinds.map((kind) => [kind, z.enum(["email", "sms", "both"])])) as Record<
    TNotifyKind,
    z.ZodEnum<{ email: "email"; sms: "sms"; both: "both" }>
  >,
);
export type TNotifyChoices = z.infer<typeof ZNotifyChoices>;

/** The account's choices, every kind filled in (defaults for kinds never chosen). */
export async function notifyChoicesOf(
  input: { actor: TSessionUser } & TDbOption,
): Promise<Record<TNotifyKind, TChannels>> {
  const rows = await (await clientOf(input)).notifyChoice.findMany({ where: { userId: input.actor.id } });
  return Object.fromEntries(
    notifyKinds.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return [kind, row ? { email: row.email, sms: row.sms } : defaultChannels];
    }),
  ) as Record<TNotifyKind, TChannels>;
}

/** Saves the account's choices (own account only). Audited. */
export async function saveNotifyChoices(
  input: { actor: TSessionUser; choices: TNotifyChoices } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  await prisma.$transaction(async (tx) => {
    for (const kind of notifyKinds) {
      const choice = input.choices[kind];
      const channels = { email: choice !== "sms", sms: choice !== "email" };
      await tx.notifyChoice.upsert({
        where: { userId_kind: { userId: input.actor.id, kind } },
        create: { userId: input.actor.id, kind, ...channels },
        update: channels,
      });
    }
    await writeAudit(tx, ownAccountEntry(input.actor.id, "user.notifyChoices", input.choices));
  });
}

/**
 * How one notice of a kind reaches a person: the channels they chose, where SMS needs a confirmed
 * mobile number and e-mail a real mailbox. When the choice leaves no channel that can reach them
 * (SMS chosen but no number yet), the other one is used: a notice is never silently dropped.
 */
export async function channelsFor(
  tx: Tx,
  input: { userId: string; kind: TNotifyKind; hasMailbox: boolean; mobile: string | null },
): Promise<TChannels> {
  const row = await tx.notifyChoice.findUnique({
    where: { userId_kind: { userId: input.userId, kind: input.kind } },
  });
  const chosen = row ? { email: row.email, sms: row.sms } : defaultChannels;
  const email = chosen.email && input.hasMailbox;
  const sms = chosen.sms && !!input.mobile;
  if (email || sms) return { email, sms };
  return { email: input.hasMailbox, sms: !input.hasMailbox && !!input.mobile };
}

/**
 * Texts a letter's writer that it was answered, when they chose SMS for letter replies and have a
 * confirmed number (the reply itself is read on the portal, by the 查询码 or in the account).
 * In the caller's transaction: the SMS exists exactly when the reply was sent.
 */
export async function queueLetterRepliedSms(
  tx: Tx,
  input: { writerId: string; number: string },
): Promise<void> {
  const writer = await tx.user.findUnique({
    where: { id: input.writerId },
    select: { mobile: true, closedAt: true },
  });
  if (!writer?.mobile || writer.closedAt) return;
  const channels = await channelsFor(tx, {
    userId: input.writerId,
    kind: "letterReply",
    hasMailbox: true,
    mobile: writer.mobile,
  });
  if (channels.sms)
    await queueSms(tx, {
      to: writer.mobile,
      template: "letterReplied",
      params: { number: input.number },
      userId: input.writerId,
    });
}
