import type { TFunction } from "i18next";
import { errorMessages } from "../i18n/messages";
import users from "../../locales/en/users.json";

/** The errors-namespace messages and the account administration's own, translated, for its forms. */
export function accountFormMessages(t: TFunction): Record<string, string> {
  return {
    ...errorMessages(t),
    ...Object.fromEntries(Object.keys(users.errors).map((key) => [key, t(`users:errors.${key}`)])),
  };
}
