import type { TFunction } from "i18next";

/** The choices of a select or radio group: each code with its label, translated from `${prefix}.${code}`. */
export function codeOptions(t: TFunction, prefix: string, codes: readonly (string | number)[]) {
  return codes.map((code) => ({ value: String(code), label: t(`${prefix}.${code}`) }));
}
