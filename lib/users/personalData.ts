import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { requireOwnAccount } from "../auth/guards";
import { uploadIdsIn } from "../uploads/unattachedUploads";

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** A file's name and what it was for: never its bytes or where it is stored. */
const fileSelect = { fileName: true, purpose: true, size: true, createdAt: true } as const;
const fileJson = (file: { fileName: string; purpose: string | null; size: number; createdAt: Date }) => ({
  fileName: file.fileName,
  purpose: file.purpose,
  size: file.size,
  uploadedAt: iso(file.createdAt),
});

/** A place, service or department as the export names it. */
const codeAndNames = { select: { code: true, name: true, nameEn: true } } as const;

/** What the applicant sees of a case or request: its timeline without internal steps, and its files (those `files` matches). */
const applicantView = (files: Prisma.AttachmentWhereInput = {}) =>
  ({
    events: { where: { internal: false }, orderBy: { createdAt: "asc" } },
    attachments: { where: files, select: fileSelect, orderBy: { createdAt: "asc" } },
  }) as const;

async function readPersonalData(prisma: Awaited<ReturnType<typeof clientOf>>, actor: TSessionUser) {
  const userId = actor.id;
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      accountType: true,
      phone: true,
      idNumber: true,
      locale: true,
      createdAt: true,
      lastLoginAt: true,
      communities: { select: { community: codeAndNames } },
    },
  });
  // every read is the person's own: their id, or the address only their account holds, in the where clause
  const [cases, requests, subscriptions, tokens, sessions, drafts, notifications, mails, letters, comments] =
    await Promise.all([
      prisma.application.findMany({
        where: { applicantId: userId },
        orderBy: { submittedAt: "asc" },
        include: {
          service: codeAndNames,
          ...applicantView(),
          rating: { select: { level: true, comment: true, createdAt: true } },
        },
      }),
      prisma.disclosureRequest.findMany({
        where: { applicantId: userId },
        orderBy: { createdAt: "asc" },
        // of a request's files, the applicant sees the reply's and their own
        include: {
          department: codeAndNames,
          ...applicantView({ OR: [{ purpose: "reply" }, { uploaderId: userId }] }),
        },
      }),
      prisma.subscription.findMany({
        where: { email: user.email },
        orderBy: { createdAt: "asc" },
        include: { community: codeAndNames },
      }),
      prisma.apiToken.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      }),
      prisma.userSession.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: {
          portal: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
          endedAt: true,
          userAgent: true,
        },
      }),
      prisma.applicationDraft.findMany({
        where: { userId },
        orderBy: { updatedAt: "asc" },
        include: { service: codeAndNames },
      }),
      prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
      prisma.outboxMail.findMany({
        where: { OR: [{ userId }, { to: user.email }] },
        orderBy: { createdAt: "asc" },
        select: { to: true, subject: true, text: true, createdAt: true, sentAt: true, purgedAt: true },
      }),
      // letters to the mayor's and the departments' mailboxes written while signed in
      prisma.letter.findMany({
        where: { writerId: userId },
        orderBy: { createdAt: "asc" },
        include: {
          department: codeAndNames,
        },
      }),
      // comments on consultations (意见征集), private ones too
      prisma.consultationComment.findMany({
        where: { authorId: userId },
        orderBy: { createdAt: "asc" },
        include: { consultation: { select: { title: true } } },
      }),
    ]);
  const draftUploads = await prisma.attachment.findMany({
    where: { id: { in: drafts.flatMap((d) => uploadIdsIn(d.answers)) }, uploaderId: userId },
    select: { id: true, ...fileSelect },
  });
  return {
    user,
    cases,
    requests,
    subscriptions,
    tokens,
    sessions,
    drafts,
    draftUploads,
    notifications,
    mails,
    letters,
    comments,
  };
}

/**
 * Everything the portal holds about the signed-in citizen (个人信息保护法 Arts. 44–45: access, a
 * copy, portability), as plain JSON: profile, cases with their answers, the timeline the applicant
 * sees and the names of their files, disclosure requests, subscriptions to their address, API
 * tokens and sessions (never a secret), drafts, notifications, the mail sent to them and the
 * letters they wrote signed in, and their comments on consultations. Every
 * read is keyed by the actor, so nobody else's data can appear. Each export is audited.
 */
export async function exportPersonalData(
  input: { actor: TSessionUser; format: "json" | "html" } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { actor } = input;
  await requireOwnAccount(prisma, { actor, action: "personalData.export" });
  const data = await readPersonalData(prisma, actor);
  await writeAudit(prisma, ownAccountEntry(actor.id, "personalData.export", { format: input.format }));
  const { user } = data;
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      email: user.email,
      name: user.name,
      accountType: user.accountType,
      phone: user.phone,
      idNumber: user.idNumber,
      locale: user.locale,
      registeredAt: iso(user.createdAt),
      lastSignInAt: iso(user.lastLoginAt),
      communities: user.communities.map(({ community }) => community),
    },
    cases: data.cases.map((c) => ({
      trackingNumber: c.trackingNumber,
      accessCode: c.accessCode,
      service: c.service,
      status: c.status,
      answers: c.answers,
      submittedAt: iso(c.submittedAt),
      acceptedAt: iso(c.acceptedAt),
      decidedAt: iso(c.decidedAt),
      completedAt: iso(c.completedAt),
      promisedDue: day(c.promisedDue),
      statutoryDue: day(c.statutoryDue),
      events: c.events.map((e) => ({
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        data: e.data,
        at: iso(e.createdAt),
      })),
      files: c.attachments.map(fileJson),
      rating: c.rating ? { ...c.rating, createdAt: iso(c.rating.createdAt) } : null,
    })),
    requests: data.requests.map((r) => ({
      trackingNumber: r.trackingNumber,
      accessCode: r.accessCode,
      department: r.department,
      requesterType: r.requesterType,
      requesterName: r.requesterName,
      idNumber: r.idNumber,
      phone: r.phone,
      email: r.email,
      address: r.address,
      description: r.description,
      deliveryMethod: r.deliveryMethod,
      status: r.status,
      submittedAt: iso(r.createdAt),
      dueOn: day(r.extendedDueOn ?? r.dueOn),
      outcome: r.outcome,
      outcomeSub: r.outcomeSub,
      legalBasis: r.legalBasis,
      replyText: r.replyText,
      letterNumber: r.letterNumber,
      repliedAt: iso(r.repliedAt),
      events: r.events.map((e) => ({
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        at: iso(e.createdAt),
      })),
      files: r.attachments.map(fileJson),
    })),
    subscriptions: data.subscriptions.map((s) => ({
      email: s.email,
      community: s.community,
      category: s.category,
      locale: s.locale,
      createdAt: iso(s.createdAt),
      confirmedAt: iso(s.confirmedAt),
      unsubscribedAt: iso(s.unsubscribedAt),
    })),
    apiTokens: data.tokens.map((t) => ({
      name: t.name,
      createdAt: iso(t.createdAt),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
    })),
    sessions: data.sessions.map((s) => ({
      portal: s.portal,
      startedAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      endedAt: iso(s.endedAt),
      userAgent: s.userAgent,
    })),
    drafts: data.drafts.map((d) => {
      const ids = new Set(uploadIdsIn(d.answers));
      return {
        service: d.service,
        step: d.step,
        answers: d.answers,
        savedAt: iso(d.updatedAt),
        files: data.draftUploads.filter((file) => ids.has(file.id)).map(fileJson),
      };
    }),
    notifications: data.notifications.map((n) => ({
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: iso(n.createdAt),
      readAt: iso(n.readAt),
    })),
    mails: data.mails.map((m) => ({
      to: m.purgedAt ? null : m.to,
      subject: m.subject,
      // a body past its retention period is no longer held, so there is none to give
      text: m.purgedAt ? null : m.text,
      queuedAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    })),
    letters: data.letters.map((l) => ({
      number: l.number,
      accessCode: l.accessCode,
      letterKind: l.kind,
      department: l.department,
      subject: l.subject,
      content: l.content,
      consentToPublish: l.consentToPublish,
      status: l.status,
      submittedAt: iso(l.createdAt),
      replyText: l.replyText,
      repliedOn: day(l.repliedOn),
      rating: l.rating,
      publishedAt: iso(l.publishedAt),
    })),
    consultationComments: data.comments.map((c) => ({
      title: c.consultation.title,
      comment: c.body,
      consentToPublish: !c.private,
      status: c.status,
      reason: c.rejectReason,
      submittedAt: iso(c.createdAt),
    })),
  };
}

export type TPersonalData = Awaited<ReturnType<typeof exportPersonalData>>;
