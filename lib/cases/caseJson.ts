import type { getOwnCase, listOwnCases } from "./ownCases";

type TOwnCase = NonNullable<Awaited<ReturnType<typeof getOwnCase>>>;
type TOwnCaseList = Awaited<ReturnType<typeof listOwnCases>>;

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** The API's page of the actor's own cases. */
export function ownCaseListJson(list: TOwnCaseList) {
  const items = list.items.map((c) => ({
    trackingNumber: c.trackingNumber,
    accessCode: c.accessCode,
    status: c.status,
    serviceCode: c.service.code,
    submittedAt: c.submittedAt.toISOString(),
    promisedDue: day(c.promisedDue),
  }));
  return { items, page: list.page, pages: list.pages, total: list.total };
}

/** The API's view of one own case with its public timeline (never internal notes). */
export function ownCaseJson(found: TOwnCase) {
  return {
    trackingNumber: found.trackingNumber,
    accessCode: found.accessCode,
    status: found.status,
    service: { code: found.service.code, name: found.service.name, nameEn: found.service.nameEn },
    submittedAt: found.submittedAt.toISOString(),
    promisedDue: day(found.promisedDue),
    // 代办: filed by this account for someone else
    onBehalf: found.principalName
      ? { name: found.principalName, idNumber: found.principalIdNumber ?? "" }
      : null,
    events: found.events.map((event) => {
      const missing = (event.data as { missing?: unknown } | null)?.missing;
      return {
        kind: event.kind,
        status: event.toStatus,
        reason: event.reason,
        at: event.createdAt.toISOString(),
        ...(Array.isArray(missing)
          ? { missing: missing.filter((item): item is string => typeof item === "string") }
          : {}),
      };
    }),
  };
}
