import { z } from "zod";

/**
 * A whole number typed into a form field (a count of days, a figure of a report, a page), between
 * `min` and `max`: the messages name what is wrong in the form's own words (numberFormat,
 * numberMin|N, numberMax|N in the errors namespace).
 */
export function wholeNumberField(min: number, max: number) {
  return z.coerce
    .number({ message: "numberFormat" })
    .int("numberFormat")
    .min(min, `numberMin|${min}`)
    .max(max, `numberMax|${max}`);
}
