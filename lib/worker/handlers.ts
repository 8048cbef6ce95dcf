import "server-only";
import { noticeJobHandlers } from "../notices/jobs";
import { mailJobHandlers } from "../mail/jobs";
import { smsJobHandlers } from "../sms/jobs";
import { auditJobHandlers } from "../audit/refusals";
import { userJobHandlers } from "../users/jobs";
import { retentionJobHandlers } from "../retention/jobs";
import { calendarJobHandlers, recomputeJob } from "../deadlines/jobs";
import { webhookJobHandlers } from "../webhooks/deliveries";
import { cleanupJobKind, cleanupJobsHandler } from "../jobs/cleanup";
import { databaseMaintenanceHandler, databaseMaintenanceJobKind } from "../jobs/databaseMaintenance";
import type { TJobHandlers } from "../jobs/queue";
import type { TJobSchedule } from "../jobs/cron";

/**
 * Every kind of background work, for the runner inside each app instance (instrumentation.ts) and
 * the worker-only process (scripts/worker.ts): both run the same handlers. The queue knows no
 * domain; each domain exports its handlers and they meet here.
 */
export const jobHandlers: TJobHandlers = {
  ...noticeJobHandlers,
  ...mailJobHandlers,
  ...smsJobHandlers,
  ...auditJobHandlers,
  ...userJobHandlers,
  ...retentionJobHandlers,
  ...calendarJobHandlers,
  ...webhookJobHandlers,
  [cleanupJobKind]: cleanupJobsHandler,
  [databaseMaintenanceJobKind]: databaseMaintenanceHandler,
};

/** The work that runs on a timetable (five-field cron, Beijing time), queued by the runner itself. */
export const jobSchedules: TJobSchedule[] = [
  { kind: cleanupJobKind, cron: "17 * * * *" },
  { kind: recomputeJob, cron: "40 3 * * *" },
  // the database's own housekeeping, after the night's purge (03:00) and recomputation; on the
  // embedded database each table's pass holds its one connection (seconds for the search index of a
  // million documents), so a night missed waits for the next rather than run in the day
  { kind: databaseMaintenanceJobKind, cron: "10 4 * * *", startWithinMs: 2 * 3600_000 },
];
