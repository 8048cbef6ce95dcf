import { enumParam, param } from "../i18n/search-params";
import { caseStatuses, isFinal, type TCaseStatus } from "./caseWorkflow";

/** Which cases the queue lists by their stage: open ones (the default), closed ones, or both. */
export const queueShows = ["open", "closed", "all"] as const;
export type TQueueShow = (typeof queueShows)[number];

export type TQueueFilter = {
  /** a single status; when given it decides alone (open/closed is then moot) */
  status?: TCaseStatus;
  show: TQueueShow;
  service?: string;
  due?: "overdue" | "soon";
  mine?: boolean;
};

/** Closed cases take no more steps (不予受理, 送达, 撤回): behind the queue's filter. */
export const closedStatuses = caseStatuses.filter(isFinal);
export const openStatuses = caseStatuses.filter((status) => !isFinal(status));

/** The queue's filter from a page's or the CSV's query: anything unknown is ignored; open cases by default. */
export function queueFilterFrom(query: Record<string, string | string[] | undefined>): TQueueFilter {
  return {
    status: enumParam(query.status, caseStatuses),
    show: enumParam(query.show, queueShows) ?? "open",
    service: param(query.service, 30),
    due: enumParam(query.due, ["overdue", "soon"] as const),
    mine: query.mine === "1" ? true : undefined,
  };
}

/** The statuses a filter lets through, before the due-date filter narrows them further. */
export function queueStatuses(filter: Pick<TQueueFilter, "status" | "show">): TCaseStatus[] {
  if (filter.status) return [filter.status];
  switch (filter.show) {
    case "open":
      return openStatuses;
    case "closed":
      return closedStatuses;
    case "all":
      return caseStatuses;
  }
}

/** The query string of a filter, for links (the CSV export) that keep it: defaults left out. */
export function queueQuery(filter: TQueueFilter): Record<string, string | undefined> {
  return {
    status: filter.status,
    show: filter.show === "open" ? undefined : filter.show,
    service: filter.service,
    due: filter.due,
    mine: filter.mine ? "1" : undefined,
  };
}
