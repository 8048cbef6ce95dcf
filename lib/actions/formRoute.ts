import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { TFormState } from "./formState";
import { failedFormState, fieldErrorsOf, keptValues, localeOf } from "./formAction";
import { formReturnParam, keepFormState } from "./formReturn";
import { getSessionUser } from "../auth/session";
import { isCitizen, isStaff } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { getT } from "../i18n/server";
import { defaultLocale, isLocale, type TLocale } from "../i18n/settings";
import { NotFoundError } from "../shared/errors";
import { safeRedirectPath } from "../shared/safeRedirect";
import { sameOriginOrSafe } from "../http/sameOrigin";
import { crossSiteRefusal } from "../http/proxyRefusals";
import { applySecurityHeaders } from "../http/securityHeaders";
import {
  discardReceived,
  receiveUpload,
  uploadCeilingMb,
  UploadMalformed,
  UploadTooLarge,
  UploadTooManyFiles,
  type TReceivedFile,
} from "../uploads/receiveUpload";

/**
 * What a form's text parts may take in all: the largest text a form here accepts (a notice body,
 * a reply) several times over, far below what would matter if many arrive at once.
 */
const textBudget = { maxFields: 200, maxBytes: 1024 * 1024 };

type TRouteOptions<S extends z.ZodType> = {
  schema: S;
  actor: "citizen" | "staff";
  /**
   * the form's file inputs: their names (any name when omitted) and how many files are read in all;
   * more come back to the form with a message naming `allowed` (the form's own limit; maxCount
   * when omitted)
   */
  files: { fields?: string[]; maxCount: number; allowed?: number };
  /** the page the form is on, from what was posted: the browser goes back there with errors */
  back: (fields: Record<string, string>, locale: TLocale) => string;
  /** the use case; answers the path to go to next, or a failed form state */
  run: (args: {
    input: z.infer<S>;
    actor: TSessionUser;
    formData: FormData;
    files: TReceivedFile[];
    locale: TLocale;
  }) => Promise<string | TFormState>;
};

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/** `path` with the kept state's id added to its query. */
function withFormReturn(path: string, id: string): string {
  const url = new URL(path, "http://portal.invalid");
  url.searchParams.set(formReturnParam, id);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A visitor whose session has ended signs in and comes back to the page the form was on. */
function signInFirst(request: NextRequest, kind: "citizen" | "staff"): Response {
  if (kind === "staff") return seeOther("/staff/sign-in");
  const page = safeRedirectPath(request.headers.get("referer"), "");
  const segment = page.split("/")[1];
  const locale = isLocale(segment) ? segment : defaultLocale;
  const back = page || `/${locale}/account`;
  return seeOther(`/${locale}/sign-in?returnTo=${encodeURIComponent(back)}`);
}

/**
 * A form with file inputs, posted (multipart, with or without JavaScript) to a route handler
 * rather than a server action: Next reads an action's whole body into memory, where this reads it
 * as a stream (receiveUpload) — files go to disk as they arrive and reading stops at the upload
 * ceiling — so memory stays flat whatever is sent. The text fields are checked with the screen's
 * zod schema and the same domain function runs as from an action. Success answers 303 to the next
 * page; a failure keeps the errors and what was typed for the person (keepFormState) and answers
 * 303 back to the form's page, which shows them as an action's form would. A cross-site post is
 * refused, and nothing is read for a visitor without the right session.
 */
export function formRoute<S extends z.ZodType>(options: TRouteOptions<S>) {
  return async (request: NextRequest): Promise<Response> => {
    const response = await answer(request, options);
    applySecurityHeaders(response.headers, { resource: request.nextUrl.pathname });
    return response;
  };
}

async function answer<S extends z.ZodType>(
  request: NextRequest,
  options: TRouteOptions<S>,
): Promise<Response> {
  if (!sameOriginOrSafe(request)) return crossSiteRefusal(request);
  const user = await getSessionUser();
  if (!(options.actor === "staff" ? isStaff(user) : isCitizen(user)))
    return signInFirst(request, options.actor);
  const actor = user as TSessionUser;
  const goBack = async (fields: Record<string, string>, state: TFormState) => {
    const locale = isLocale(fields.locale) ? fields.locale : defaultLocale;
    const id = await keepFormState({ actor, state });
    return seeOther(withFormReturn(options.back(fields, locale), id));
  };

  let received: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    received = await receiveUpload({
      request,
      files: options.files,
      maxFileBytes: uploadCeilingMb * 1024 * 1024,
      text: textBudget,
    });
  } catch (error) {
    if (error instanceof UploadTooLarge) {
      const formData = formDataOf(error.entries);
      return goBack(Object.fromEntries(error.entries), {
        ok: false,
        values: keptValues(formData),
        fieldErrors: { [error.field]: `fileTooLarge|${uploadCeilingMb}` },
      });
    }
    if (error instanceof UploadTooManyFiles) {
      const formData = formDataOf(error.entries);
      return goBack(Object.fromEntries(error.entries), {
        ok: false,
        values: keptValues(formData),
        fieldErrors: { [error.field]: `tooManyFiles|${options.files.allowed ?? options.files.maxCount}` },
      });
    }
    if (error instanceof UploadMalformed) {
      const t = await getT(defaultLocale, "errors");
      return new Response(t("errors:formUnreadable"), {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    throw error;
  }

  const { fields, files } = received;
  try {
    const formData = formDataOf(received.entries);
    const values = keptValues(formData);
    const parsed = options.schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success)
      return goBack(fields, { ok: false, values, fieldErrors: fieldErrorsOf(parsed.error) });
    let outcome: string | TFormState;
    try {
      outcome = await options.run({ input: parsed.data, actor, formData, files, locale: localeOf(formData) });
    } catch (error) {
      // nothing the person may see: the page decides (it answers 404 for what they may not see)
      if (error instanceof NotFoundError) return seeOther(options.back(fields, localeOf(formData)));
      outcome = failedFormState(error, values);
    }
    return typeof outcome === "string" ? seeOther(outcome) : goBack(fields, outcome);
  } finally {
    await Promise.all(files.map((file) => discardReceived(file)));
  }
}

function formDataOf(entries: [string, string][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}
