export type TRequestNextStep = {
  /** the `disclosure:next.*` key saying what happens next */
  key: "confirmReceipt" | "reply" | "supply" | "paused" | "none";
  by: Date | null;
};

/** What happens next to a 依申请公开 request and by when (its reply deadline, extended or not). */
export function requestNextStep(input: {
  status: string;
  dueOn: Date | null;
  extendedDueOn: Date | null;
}): TRequestNextStep {
  const due = input.extendedDueOn ?? input.dueOn;
  switch (input.status) {
    case "SUBMITTED":
      return { key: "confirmReceipt", by: null };
    case "RECEIVED":
    case "PROCESSING":
      return { key: "reply", by: due };
    case "SUPPLEMENT":
      return { key: "supply", by: null };
    case "PAUSED":
      return { key: "paused", by: null };
    default:
      return { key: "none", by: null };
  }
}
