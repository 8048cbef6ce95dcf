/**
 * Where the staff area shows an audit row's target, when it has a page: a case, a disclosure
 * request or document, a notice, a service; a person's own trail of audit rows. Null otherwise.
 */
export function auditTargetHref(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case "Application":
      return `/staff/cases/${id}`;
    case "DisclosureRequest":
      return `/staff/requests/${id}`;
    case "DisclosureDocument":
      // an index number is {unit}/{year}-{serial}: its slash is the route's
      return /^[A-Z0-9]+\/\d{4}-\d+$/.test(entityId) ? `/staff/documents/${entityId}` : null;
    case "Notice":
      return `/staff/notices/${id}`;
    case "Service":
      return `/staff/services/${id}`;
    case "User":
      return `/staff/audit?person=${id}`;
    default:
      return null;
  }
}
