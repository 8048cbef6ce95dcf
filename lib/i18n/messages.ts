import type { TFunction } from "i18next";
import errors from "../../locales/en/errors.json";

/**
 * Every message of the errors namespace, translated, for a client form to show by key; the
 * field templates as `field.<key>`. Staff forms ask for "the" title where a citizen is asked for
 * "your" name (`fieldStaff`, English only differs).
 */
export function errorMessages(t: TFunction, options: { staff?: boolean } = {}): Record<string, string> {
  const flat = Object.entries(errors).filter(([, value]) => typeof value === "string");
  const templates = (group: "field" | "fieldStaff") =>
    Object.keys(errors[group]).map((key) => [`field.${key}`, t(`errors:${group}.${key}`)]);
  return Object.fromEntries([
    ...flat.map(([key]) => [key, t(`errors:${key}`)]),
    ...templates("field"),
    ...(options.staff ? templates("fieldStaff") : []),
  ]);
}
