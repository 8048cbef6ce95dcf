import "server-only";
import type { Prisma } from "../db/generated/client";
import { auditIfExists, inScopeOrRefused } from "../audit/refusals";
import { lookUpByAccessCode } from "../throttle/accessCodes";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { dueFlagOn, type TDueFlag } from "../calendar/dueFlag";
import { readTablePage } from "../shared/paging";
import { likeText } from "../shared/likeText";
import type { TLetterStatus } from "./kinds";
import { handlesMailbox } from "../auth/policy";
import { owingStatuses } from "./letterWorkflow";

const mailbox = { select: { code: true, name: true, nameEn: true, shortName: true } } as const;

/** What anyone reads of a published letter: the redacted copy, never the original or the writer. */
const publishedView = {
  number: true,
  kind: true,
  status: true,
  publicSubject: true,
  publicContent: true,
  publicReply: true,
  createdAt: true,
  repliedOn: true,
  publishedAt: true,
  department: mailbox,
} as const;

/** A letter's files, never public: its writer and the mailbox's handlers read them (readUpload). */
const letterFiles = {
  orderBy: { createdAt: "asc" },
  select: { id: true, fileName: true, size: true },
} as const;

/** What the writer (or a holder of the 查询码) reads: their own letter as written, and its timeline. */
const writerView = {
  ...publishedView,
  subject: true,
  content: true,
  replyText: true,
  consentToPublish: true,
  writerId: true,
  rating: true,
  sentBack: true,
  reopened: true,
  draftedById: true,
  extension: true,
  extensionRequestedById: true,
  version: true,
  dueOn: true,
  events: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, toStatus: true, reason: true, createdAt: true },
  },
  attachments: letterFiles,
} as const satisfies Prisma.LetterSelect;

const pageSize = 20;

/** Published letters, newest first, a page at a time; with `q`, those whose public copy or number contains it. */
export async function publishedLetters(input: { page?: number; q?: string } & TDbOption) {
  const prisma = await clientOf(input);
  const q = input.q?.trim().slice(0, 50);
  const where: Prisma.LetterWhereInput = {
    status: "PUBLISHED",
    ...(q
      ? {
          OR: [
            { publicSubject: { contains: likeText(q), mode: "insensitive" } },
            { publicContent: { contains: likeText(q), mode: "insensitive" } },
            { publicReply: { contains: likeText(q), mode: "insensitive" } },
            { number: q.toUpperCase() },
          ],
        }
      : {}),
  };
  const { total, page, rows } = await readTablePage({
    table: prisma.letter,
    query: { where, orderBy: [{ publishedAt: "desc" }, { number: "desc" }], select: publishedView },
    size: pageSize,
    requested: input.page,
  });
  return { rows, total, ...page };
}

export type TLetterReading =
  | {
      view: "published";
      letter: NonNullable<Awaited<ReturnType<typeof publishedOne>>>;
      own: TWriterLetter | null;
    }
  | { view: "writer"; letter: TWriterLetter; own: TWriterLetter };
type TWriterLetter = NonNullable<Awaited<ReturnType<typeof ownLetter>>>;

const publishedOne = async (prisma: Awaited<ReturnType<typeof clientOf>>, number: string) =>
  prisma.letter.findFirst({ where: { number, status: "PUBLISHED" }, select: publishedView });

const ownLetter = async (prisma: Awaited<ReturnType<typeof clientOf>>, number: string, writerId: string) =>
  prisma.letter.findFirst({ where: { number, writerId }, select: writerView });

/**
 * A letter as this reader may see it: once published, its redacted copy for anyone (and the
 * writer's own view beside it, to rate the reply); before, only its writer signed in, or
 * whoever holds its 查询码 (guesses limited and audited). Anyone else gets null — a 404 that does
 * not tell them the letter exists.
 */
export async function readLetter(
  input: { actor: TSessionUser | null; number: string; code?: string | null } & TDbOption,
): Promise<TLetterReading | null> {
  const prisma = await clientOf(input);
  const own = input.actor ? await ownLetter(prisma, input.number, input.actor.id) : null;
  const published = await publishedOne(prisma, input.number);
  if (published) return { view: "published", letter: published, own };
  if (own) return { view: "writer", letter: own, own };
  if (input.code) {
    const found = await lookUpByAccessCode(
      { trackingNumber: input.number, entityType: "Letter", db: prisma },
      () =>
        prisma.letter.findFirst({
          where: { number: input.number, accessCode: input.code ?? "" },
          select: writerView,
        }),
    );
    // a holder of the code follows the letter but is not its writer: no rating
    return found ? { view: "writer", letter: found, own: { ...found, writerId: null } } : null;
  }
  if (!input.actor) return null;
  return auditIfExists(
    prisma,
    () => prisma.letter.findUnique({ where: { number: input.number }, select: { id: true } }),
    {
      actorId: input.actor.id,
      action: "letter.read",
      entityType: "Letter",
      entityId: input.number,
    },
  );
}

/**
 * Whether a letter number and 查询码 belong together (the letter lookup form): counted against the
 * same limits as every 查询码 lookup, a failure audited. Published letters need the code too.
 */
export async function letterCodeMatches(
  input: { number: string; accessCode: string } & TDbOption,
): Promise<boolean> {
  const prisma = await clientOf(input);
  const found = await lookUpByAccessCode(
    { trackingNumber: input.number, entityType: "Letter", db: prisma },
    () =>
      prisma.letter.findFirst({
        where: { number: input.number, accessCode: input.accessCode },
        select: { id: true },
      }),
  );
  return found !== null;
}

/** A reply is owed by the due date once a letter is accepted, until it is replied to. */
export function letterDueFlag(status: TLetterStatus, due: Date | null, today: string): TDueFlag {
  return due && owingStatuses.includes(status) ? dueFlagOn(due, today) : null;
}

/** The mailboxes' letters the actor handles (administrators: every one, the 市长信箱 included), the first 500, oldest open first. */
export async function letterQueue(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  const departments = await prisma.department.findMany({ select: { id: true, code: true } });
  const handled = departments.filter((d) => handlesMailbox(input.actor, d)).map((d) => d.id);
  const where: Prisma.LetterWhereInput = isAdministrator(input.actor)
    ? {}
    : handlesMailbox(input.actor, null)
      ? { OR: [{ departmentId: { in: handled } }, { departmentId: null }] }
      : { departmentId: { in: handled } };
  return prisma.letter.findMany({
    where,
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
    select: {
      number: true,
      kind: true,
      subject: true,
      status: true,
      createdAt: true,
      dueOn: true,
      channel: true,
      department: mailbox,
    },
  });
}

/** One letter for a handler of its mailbox; anyone else → null (audited), the page's 404. */
export async function staffLetter(input: { actor: TSessionUser; number: string } & TDbOption) {
  const prisma = await clientOf(input);
  const found = await prisma.letter.findUnique({
    where: { number: input.number },
    include: {
      department: mailbox,
      writer: { select: { name: true } },
      events: { orderBy: { createdAt: "asc" } },
      attachments: letterFiles,
    },
  });
  return inScopeOrRefused(prisma, found, (letter) => handlesMailbox(input.actor, letter.department), {
    actorId: input.actor.id,
    action: "letter.read",
    entityType: "Letter",
    entityId: input.number,
  });
}
