import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { getRetention } from "../settings/queries";
import type { TRetention } from "../settings/retention";
import { purgeMailBodies } from "../mail/purgeMail";
import { removeStoredFiles, unattachedUploads } from "../uploads/unattachedUploads";
import { formReturnKeptMs } from "../actions/formReturn";

const dayMs = 24 * 3_600_000;

/** What one purge run removed, by kind; every kind is audited, a zero too (the run happened). */
export type TPurgeCounts = {
  mailBodies: number;
  drafts: number;
  uploads: number;
  subscriptions: number;
  sessions: number;
  throttleCounts: number;
  finishedJobs: number;
  passwordLinks: number;
  emailChanges: number;
  formReturns: number;
};

const before = (now: Date, days: number) => new Date(now.getTime() - days * dayMs);

/**
 * Deletes what is past its retention period (lib/settings/retention.ts) as of `now`: sent mail's
 * bodies and addresses (the row stays with the address's SHA-256, subject and times), drafts not
 * touched since and citizens' uploads that no case or kept draft holds (the stored files too),
 * subscriptions never confirmed, sessions that ended or expired, jobs that finished (dead letters
 * stay for administrators to retry), rate-limit counters whose window has closed, mailed links to
 * set a password or confirm a new address once used or expired, and failed forms' kept state
 * (what was typed) once past its quarter of an hour. Cases, requests and the audit log are not
 * touched. One audit row per kind, with its count and cut-off.
 */
export async function purgeExpired(input: { now: Date } & TDbOption): Promise<TPurgeCounts> {
  const prisma = await clientOf(input);
  const { now } = input;
  const periods: TRetention = await getRetention({ db: prisma });
  const cutoff = {
    mail: before(now, periods.mailBodyDays),
    draft: before(now, periods.draftDays),
    subscription: before(now, periods.pendingSubscriptionDays),
    session: before(now, periods.sessionDays),
    job: before(now, periods.finishedJobDays),
    formReturn: new Date(now.getTime() - formReturnKeptMs),
  };

  const mailBodies = await purgeMailBodies(prisma, { sentAt: { lt: cutoff.mail } }, now);

  const drafts = await prisma.applicationDraft.deleteMany({ where: { updatedAt: { lt: cutoff.draft } } });
  // after the drafts: an old upload named only by a draft just deleted goes with it
  const uploads = await unattachedUploads(prisma, { before: cutoff.draft });
  await prisma.attachment.deleteMany({ where: { id: { in: uploads.map((u) => u.id) } } });
  await removeStoredFiles(uploads);

  const subscriptions = await prisma.subscription.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: cutoff.subscription } },
  });
  const sessions = await prisma.userSession.deleteMany({
    where: { OR: [{ endedAt: { lt: cutoff.session } }, { expiresAt: { lt: cutoff.session } }] },
  });
  const throttleCounts = await prisma.throttleCount.deleteMany({ where: { expire: { lt: now } } });
  const finishedJobs = await prisma.job.deleteMany({ where: { doneAt: { lt: cutoff.job } } });
  const passwordLinks = await prisma.passwordLink.deleteMany({
    where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] },
  });
  const emailChanges = await prisma.emailChange.deleteMany({
    where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] },
  });
  const formReturns = await prisma.formReturn.deleteMany({ where: { createdAt: { lt: cutoff.formReturn } } });

  const counts: TPurgeCounts = {
    mailBodies,
    drafts: drafts.count,
    uploads: uploads.length,
    subscriptions: subscriptions.count,
    sessions: sessions.count,
    throttleCounts: throttleCounts.count,
    finishedJobs: finishedJobs.count,
    passwordLinks: passwordLinks.count,
    emailChanges: emailChanges.count,
    formReturns: formReturns.count,
  };
  const audited: [string, number, Date][] = [
    ["OutboxMail", counts.mailBodies, cutoff.mail],
    ["ApplicationDraft", counts.drafts, cutoff.draft],
    ["Attachment", counts.uploads, cutoff.draft],
    ["Subscription", counts.subscriptions, cutoff.subscription],
    ["UserSession", counts.sessions, cutoff.session],
    ["ThrottleCount", counts.throttleCounts, now],
    ["Job", counts.finishedJobs, cutoff.job],
    ["PasswordLink", counts.passwordLinks, now],
    ["EmailChange", counts.emailChanges, now],
    ["FormReturn", counts.formReturns, cutoff.formReturn],
  ];
  for (const [entityType, count, olderThan] of audited)
    await writeAudit(prisma, {
      actorId: null,
      action: "retention.purge",
      entityType,
      detail: { count, olderThan: olderThan.toISOString() },
      ip: null,
    });
  return counts;
}
