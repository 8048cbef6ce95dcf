import { diffLines } from "diff";

export type TRevisionSnapshot = { version: number; title: string; body: string; meta: unknown };
export type TDiffPart = { kind: "added" | "removed" | "same"; text: string };

/** The revision as lines a reviewer can compare: the fields first, then the body. */
export function revisionLines(revision: TRevisionSnapshot, label: (field: string) => string): string {
  const meta = (revision.meta ?? {}) as Record<string, unknown>;
  const fields = [
    "titleEn",
    "category",
    "source",
    "scope",
    "publishAt",
    "expiresAt",
    "pinned",
    "urgent",
    "attachments",
  ];
  const shown = fields
    .filter((field) => field in meta)
    .map((field) => {
      const value = meta[field];
      const text = Array.isArray(value)
        ? value.join("、")
        : value && typeof value === "object"
          ? Object.values(value as Record<string, string[]>)
              .flat()
              .join("、")
          : String(value ?? "");
      return `${label(field)}: ${text}`;
    });
  return (
    [`${label("title")}: ${revision.title}`, ...shown, "", ...revision.body.split("\n")].join("\n") + "\n"
  );
}

/** Line by line, what changed from one revision to the next (the diff view). */
export function revisionDiff(
  before: TRevisionSnapshot | null,
  after: TRevisionSnapshot,
  label: (field: string) => string,
): TDiffPart[] {
  const parts = diffLines(before ? revisionLines(before, label) : "", revisionLines(after, label));
  return parts.map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
