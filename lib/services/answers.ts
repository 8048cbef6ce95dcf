import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import { isValidCreditCode, isValidIdCardNumber, isValidMobile } from "../shared/checksums";
import { splitErrorCode } from "../shared/errorCode";
import type { TFormDefinition, TFormField } from "./form-definition";

/**
 * The server-side validation of a service's form, built from its definition (data, not code).
 * Messages are error codes: an errors-namespace key, optionally `key|number` for a limit
 * (`tooLongMax|50`), translated at render with `translateErrorCode`.
 */
export type TAnswers = Record<string, string | string[]>;

const defaultMaxLength = { text: 200, address: 300, textarea: 2000, email: 254 } as const;

function code(key: string, value?: number): string {
  return value === undefined ? key : `${key}|${value}`;
}

/** The zod schema of one field's answer (a trimmed string, or a list for checkboxes). */
export function fieldSchema(field: TFormField): z.ZodType<string | string[] | undefined> {
  const optional = <T extends z.ZodType>(schema: T) =>
    field.required ? schema : z.union([z.literal("").transform(() => undefined), schema]).optional();
  // a textarea keeps its line breaks; every other answer is one line
  const text =
    field.type === "textarea" ? textField({ error: "required" }) : lineField({ error: "required" });
  const required = field.required ? text.min(1, "required") : text;
  switch (field.type) {
    case "text":
    case "textarea":
    case "address": {
      const max = field.maxLength ?? defaultMaxLength[field.type];
      return optional(required.max(max, code("tooLongMax", max)));
    }
    case "email":
      return optional(required.max(254, code("tooLongMax", 254)).pipe(z.email("email")));
    case "mobile":
      return optional(required.refine(isValidMobile, "mobileInvalid"));
    case "idCard":
      return optional(required.toUpperCase().refine(isValidIdCardNumber, "idCardInvalid"));
    case "creditCode":
      return optional(required.toUpperCase().refine(isValidCreditCode, "creditCodeInvalid"));
    case "number": {
      let number = z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, "numberFormat");
      // the bounds copied: a schema is kept by its field's definition (schemaOfField), not its object
      const { min, max } = field;
      if (min !== undefined) number = number.refine((v) => Number(v) >= min, code("numberMin", min));
      if (max !== undefined) number = number.refine((v) => Number(v) <= max, code("numberMax", max));
      return field.required ? required.pipe(number) : optional(number);
    }
    case "date": {
      const date = z
        .string()
        .trim()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
        .refine(
          (v) =>
            !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
            new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
          "dateFormat",
        );
      return field.required ? required.pipe(date) : optional(date);
    }
    case "select":
    case "radio": {
      const values = (field.options ?? []).map((option) => option.value);
      return optional(required.refine((v) => values.includes(v), "choose"));
    }
    case "checkbox": {
      const values = (field.options ?? []).map((option) => option.value);
      const list = z.array(z.string()).refine((list) => list.every((v) => values.includes(v)), "choose");
      return field.required ? list.min(1, "chooseAtLeastOne") : list.optional();
    }
    case "file": {
      // the id of an upload (from the upload step or POST /api/v1/uploads)
      const id = (field.required ? text.min(1, "fileRequired") : text).regex(
        /^[a-z0-9]{8,64}$/,
        "fileRequired",
      );
      return optional(id);
    }
  }
}

/** How many fields' schemas are kept: every field of every service, with room to spare. */
export const rememberedFieldSchemas = 2048;
const fieldSchemas = new Map<string, z.ZodType<string | string[] | undefined>>();

/**
 * `fieldSchema` of a field as it reads, built once: zod builds a schema with a chain of copies
 * (trim, min, max, refine each clone it), and every submission validated each field with a
 * schema built afresh, about 0.6 ms of a submission's 15.6 ms of CPU (profiled). A schema is
 * data for zod, never changed by parsing, and it depends on nothing but the field's definition,
 * which is its key here; past `rememberedFieldSchemas` the store starts again.
 */
export function schemaOfField(field: TFormField): z.ZodType<string | string[] | undefined> {
  const key = JSON.stringify(field);
  let schema = fieldSchemas.get(key);
  if (!schema) {
    if (fieldSchemas.size >= rememberedFieldSchemas) fieldSchemas.clear();
    schema = fieldSchema(field);
    fieldSchemas.set(key, schema);
  }
  return schema;
}

/** Whether a field is shown (and so validated and kept) given the other answers. */
export function isFieldShown(field: TFormField, answers: TAnswers): boolean {
  if (!field.showIf) return true;
  const value = answers[field.showIf.field];
  return Array.isArray(value) ? value.includes(field.showIf.equals) : value === field.showIf.equals;
}

export type TAnswerResult =
  { ok: true; answers: TAnswers } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Validates the answers to some steps of a form (all steps by default). Hidden fields
 * (showIf not met) are dropped; each field gets its first error code.
 */
export function validateAnswers(
  definition: TFormDefinition,
  raw: TAnswers,
  stepIds?: string[],
): TAnswerResult {
  const steps = stepIds ? definition.steps.filter((step) => stepIds.includes(step.id)) : definition.steps;
  const answers: TAnswers = {};
  const fieldErrors: Record<string, string> = {};
  for (const field of steps.flatMap((step) => step.fields)) {
    if (!isFieldShown(field, raw)) continue;
    const input = field.type === "checkbox" ? toList(raw[field.name]) : toText(raw[field.name]);
    const parsed = schemaOfField(field).safeParse(input);
    if (!parsed.success) fieldErrors[field.name] = parsed.error.issues[0]?.message ?? "required";
    else if (parsed.data !== undefined && parsed.data !== "") answers[field.name] = parsed.data;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

/** Answers from a posted form: checkbox fields keep every value, the rest the first. */
export function answersFromFormData(definition: TFormDefinition, formData: FormData): TAnswers {
  const answers: TAnswers = {};
  for (const field of definition.steps.flatMap((step) => step.fields)) {
    if (field.type === "checkbox")
      answers[field.name] = formData.getAll(field.name).filter((v): v is string => typeof v === "string");
    else {
      const value = formData.get(field.name);
      if (typeof value === "string") answers[field.name] = value;
    }
  }
  return answers;
}

function toText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function toList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** Translates an error code (`key` or `key|limit`) from validateAnswers. */
export function translateErrorCode(
  t: (key: string, options?: Record<string, unknown>) => string,
  errorCode: string,
): string {
  const { key, limit } = splitErrorCode(errorCode);
  return t(`errors:${key}`, limit === undefined ? undefined : { limit });
}

/** Answers as a form's kept values: a list (a group of checkboxes) one value a line. */
export function answersAsFormValues(answers: TAnswers): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).map(([name, value]) => [name, Array.isArray(value) ? value.join("\n") : value]),
  );
}
