import "server-only";
import { randomUUID } from "node:crypto";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { TFormState } from "./formState";
import { FormError, NotFoundError } from "../shared/errors";
import { getSessionUser } from "../auth/session";
import { isCitizen, isStaff } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { defaultLocale, isLocale, type TLocale } from "../i18n/settings";
import { safeRedirectPath } from "../shared/safeRedirect";
import { TooManyRequestsError, minutesToWait } from "../throttle/throttle";
import { busyReason, databaseBusy, databaseNeverReached } from "../db/unavailable";

const secretFields = /password|confirm|token|secret/i;

/** The typed values to send back with the form (never passwords). */
export function keptValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    // a repeated name (a group of checkboxes) keeps every value, one per line
    if (typeof value === "string" && !name.startsWith("$") && !secretFields.test(name))
      values[name] = name in values ? `${values[name]}\n${value}` : value;
  }
  return values;
}

/**
 * Who may use an action: a signed-in citizen, a member of staff, anyone (signed in or not, the
 * actor may be null) or an anonymous visitor (no session is read at all).
 */
export type TActorKind = "citizen" | "staff" | "any" | "anonymous";
type TActorOf<K extends TActorKind> = K extends "citizen" | "staff"
  ? TSessionUser
  : K extends "any"
    ? TSessionUser | null
    : null;

type TActionOptions<S extends z.ZodType, K extends TActorKind, R> = {
  schema: S;
  actor: K;
  /** For citizen actions: where a visitor who is not signed in comes back to after signing in. */
  returnTo?: (formData: FormData, locale: string) => string;
  /** `locale`: the form's locale field, or the default (for the redirect that follows) */
  run: (args: { input: z.infer<S>; actor: TActorOf<K>; formData: FormData; locale: TLocale }) => Promise<R>;
};

/** The form's locale field, or the default: the page a visitor is sent to next speaks it. */
export function localeOf(formData: FormData): TLocale {
  const value = formData.get("locale");
  return isLocale(value) ? value : defaultLocale;
}

/**
 * Resolves the actor once, before anything is parsed: a visitor without the right session goes
 * to the matching sign-in page, so no domain function ever runs for the wrong kind of user.
 */
async function resolveActor<K extends TActorKind>(
  kind: K,
  formData: FormData,
  returnTo?: (formData: FormData, locale: string) => string,
): Promise<TActorOf<K>> {
  if (kind === "anonymous") return null as TActorOf<K>;
  const user = await getSessionUser();
  if (kind === "staff" && !isStaff(user)) redirect("/staff/sign-in");
  if (kind === "citizen" && !isCitizen(user)) {
    const locale = localeOf(formData);
    const account = `/${locale}/account`;
    const back = safeRedirectPath(returnTo?.(formData, locale) ?? account, account);
    redirect(`/${locale}/sign-in?returnTo=${encodeURIComponent(back)}`);
  }
  return user as TActorOf<K>;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.code === "invalid_type" ? "required" : issue.message;
  }
  return fieldErrors;
}

/**
 * The one wrapper for server actions that serve forms (used with useActionState): resolves the
 * actor, parses FormData with the screen's zod schema, runs the domain function, and turns
 * expected failures into field errors (and NotFoundError into the 404 page). Anything unexpected
 * is logged with a reference to quote. Export its result directly from a "use server" file.
 */
export function formAction<S extends z.ZodType, K extends TActorKind>(
  options: TActionOptions<S, K, TFormState | void>,
): (previous: TFormState, formData: FormData) => Promise<TFormState> {
  return async (_previous: TFormState, formData: FormData): Promise<TFormState> => {
    const values = keptValues(formData);
    try {
      // inside the try: a session that cannot be read (the database out of reach) keeps what was typed too
      const actor = await resolveActor(options.actor, formData, options.returnTo);
      const parsed = options.schema.safeParse(Object.fromEntries(formData.entries()));
      if (!parsed.success) return { ok: false, values, fieldErrors: fieldErrorsOf(parsed.error) };
      return (
        (await options.run({ input: parsed.data, actor, formData, locale: localeOf(formData) })) ?? {
          ok: true,
          values: {},
          fieldErrors: {},
        }
      );
    } catch (error) {
      unstable_rethrow(error);
      // nothing the actor may see: the same 404 as for something that does not exist
      if (error instanceof NotFoundError) notFound();
      return failedFormState(error, values);
    }
  };
}

/**
 * A form of the citizen's account screen `screen` (`/account/<screen>`): only a signed-in citizen
 * may use it, and a visitor who is not signed in comes back to the screen after signing in.
 */
export function accountFormAction<S extends z.ZodType>(
  screen: string,
  options: Omit<TActionOptions<S, "citizen", TFormState | void>, "actor" | "returnTo">,
) {
  return formAction({ ...options, actor: "citizen", returnTo: accountReturnTo(screen) });
}

/** Where a visitor to the account screen `screen` comes back to after signing in. */
export function accountReturnTo(screen: string) {
  return (_formData: FormData, locale: string) => `/${locale}/account/${screen}`;
}

/**
 * A staff form whose use case takes what parses as it is, with the actor (`{ actor, ...input }`);
 * then the browser goes to `next(input)`, the record's page saying what was done.
 */
export function staffChangeAction<S extends z.ZodType<object>>(
  schema: S,
  change: (input: { actor: TSessionUser } & z.infer<S>) => Promise<unknown>,
  next: (input: z.infer<S>) => string,
) {
  return formAction({
    schema,
    actor: "staff",
    run: async ({ input, actor }) => {
      await change({ actor, ...input });
      redirect(next(input));
    },
  });
}

/**
 * The forms of a staff settings page (`page`): each saves what parses with its use case, which
 * takes it under its own name (`key`: `{ actor, settings }`, `{ actor, retention }`…), then the
 * browser comes back to the page with `?saved=${part}`, the page saying what was saved. A settings
 * page's actions are then a line a form.
 */
export function staffSettingsForms(page: string) {
  return <S extends z.ZodType, K extends string>(
    part: string,
    schema: S,
    save: (input: { actor: TSessionUser } & Record<K, z.infer<S>>) => Promise<unknown>,
    key: K,
  ) =>
    formAction({
      schema,
      actor: "staff",
      run: async ({ input, actor }) => {
        await save({ actor, [key]: input } as { actor: TSessionUser } & Record<K, z.infer<S>>);
        redirect(`${page}?saved=${part}`);
      },
    });
}

/**
 * The form state for an expected failure of a use case (over a limit, a FormError, a database too
 * busy to start the write), with what was typed kept; anything unexpected is logged with a
 * reference to quote.
 */
export function failedFormState(error: unknown, values: Record<string, string>): TFormState {
  // over a limit: how long to wait, with what was typed kept
  if (error instanceof TooManyRequestsError)
    return { ok: false, values, fieldErrors: {}, formError: `tooManyAttempts|${minutesToWait(error)}` };
  if (error instanceof FormError) {
    return error.field
      ? { ok: false, values, fieldErrors: { [error.field]: error.key } }
      : { ok: false, values, fieldErrors: {}, formError: error.key };
  }
  // the database could not take the write in time (a deadline day) or was never reached (a
  // restart, a failover): nothing was saved, so the form comes back with what was typed and asks
  // for it to be sent again in a moment. A connection lost during the write may have been lost
  // after its commit: that stays unexpected, with a reference, rather than ask for it again.
  const busy = databaseBusy(error);
  if (busy || databaseNeverReached(error)) {
    console.warn(`[form] database ${busy ? "busy" : "unreachable"}: ${busyReason(error)}`);
    return { ok: false, values, fieldErrors: {}, formError: "busy" };
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[form ${reference}]`, error);
  return { ok: false, values, fieldErrors: {}, formError: "unexpected", reference };
}

/**
 * The same wrapper for a plain `<form action>` that shows no errors of its own (a button with
 * hidden fields: mark as read, confirm a subscription). Input that does not parse cannot come
 * from the page's own form, so it gets the 404 page unless `invalid` says where to go instead.
 */
export function postAction<S extends z.ZodType, K extends TActorKind>(
  options: TActionOptions<S, K, void> & { invalid?: (formData: FormData, locale: string) => string },
) {
  return async (formData: FormData): Promise<void> => {
    const actor = await resolveActor(options.actor, formData, options.returnTo);
    const parsed = options.schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) {
      if (options.invalid) redirect(options.invalid(formData, localeOf(formData)));
      notFound();
    }
    try {
      await options.run({ input: parsed.data, actor, formData, locale: localeOf(formData) });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  };
}
