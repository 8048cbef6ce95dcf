import "server-only";
import { z } from "zod";
import type { TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isStaff } from "../auth/policy";
import { keepFormState } from "../actions/formReturn";
import { renderMarkdown } from "../content/markdown";

const noticeIdPattern = /^[A-Za-z0-9_-]{1,40}$/;

/** The longest body the preview renders: what a notice may hold (ZNoticeInput). */
const ZPreviewBody = z.string().max(20_000);

/** What the preview posts besides the rest of the form: the draft it is for, if any, and the body. */
export const ZNoticePreviewPost = z.object({
  id: z.string().regex(noticeIdPattern).optional(),
  body: ZPreviewBody.optional(),
});

/** The page the notice form is on: a draft's page, or the new-notice page. */
export function noticeFormPage(id: string | undefined): string {
  return id && noticeIdPattern.test(id) ? `/staff/notices/${id}` : "/staff/notices/new";
}

/**
 * The preview without JavaScript: the form's 预览 button posts everything typed here; it is kept
 * for its author (as a form sent back is) and the form's page opens again with it filled in and the
 * body rendered beside it. Nothing is saved to the notice.
 */
export async function keepNoticePreview(
  input: { actor: TSessionUser; id?: string; values: Record<string, string> } & TDbOption,
): Promise<string> {
  const kept = await keepFormState({
    actor: input.actor,
    state: { ok: true, values: input.values, fieldErrors: {} },
    db: input.db,
  });
  return `${noticeFormPage(input.id)}?form=${kept}&preview=1#notice-preview`;
}

/**
 * The body as residents will read it (the same sanitiser as the notice page), for the live preview
 * beside the editor: staff only, and only what a notice may hold; anything else previews nothing.
 */
export function noticeBodyPreview(input: {
  actor: TSessionUser | null;
  body: unknown;
  /** the level of the body's own top headings, under the preview's heading */
  topLevel?: unknown;
}): string {
  const body = ZPreviewBody.safeParse(input.body);
  if (!isStaff(input.actor) || !body.success) return "";
  return renderMarkdown(body.data, { topLevel: input.topLevel === 4 ? 4 : 3 });
}
