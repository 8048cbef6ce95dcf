import { z } from "zod";

/**
 * A list of codes kept as data in a JSON file beside its module: lower-case words joined by
 * hyphens, as URLs and the locales' label keys use them, none listed twice.
 */
export const ZCodeList = z
  .array(z.string().regex(/^[a-z]+(-[a-z]+)*$/))
  .nonempty()
  .refine((codes) => new Set(codes).size === codes.length, "a code is listed twice");
