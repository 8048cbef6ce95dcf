/**
 * The fields a service's form names its applicant in: the person (fullName) or the organisation
 * (enterpriseName, companyName, orgName), in the order the seeded forms use them.
 */
const nameFields = ["fullName", "enterpriseName", "companyName", "orgName"] as const;

/**
 * Who a case's documents are addressed to: the applicant as the form names them — the person or
 * organisation applying, which need not be the account's own name — else the account's name.
 */
export function applicantOnForm(answers: unknown, accountName: string): string {
  if (answers && typeof answers === "object" && !Array.isArray(answers)) {
    const record = answers as Record<string, unknown>;
    for (const field of nameFields) {
      const value = record[field];
      const text = (Array.isArray(value) ? value[0] : value) as unknown;
      if (typeof text === "string" && text.trim()) return text.trim();
    }
  }
  return accountName;
}
