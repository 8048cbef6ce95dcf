/**
 * What every list or page about a case shows first: its number, where it stands and when it is
 * due (a provisional date until the case is accepted).
 */
export const caseHeadlineSelect = {
  trackingNumber: true,
  status: true,
  submittedAt: true,
  promisedDue: true,
  dueProvisional: true,
} as const;
