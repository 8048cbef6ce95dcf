import type { TFunction } from "i18next";
import errors from "../../locales/en/errors.json";

/** Every message of the errors namespace, translated, for a client form to show by key. */
export function errorMessages(t: TFunction): Record<string, string> {
  return Object.fromEntries(Object.keys(errors).map((key) => [key, t(`errors:${key}`)]));
}
