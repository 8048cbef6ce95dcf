import { z } from "zod";
import { apiUnauthorized } from "@/lib/api/errors";
import { apiRoute, idempotencyKey, jsonBody } from "@/lib/api/route";
import { createWorkOrder, ZWorkOrder } from "@/lib/letters/hotline";
import { hotlineActorFromRequest } from "@/lib/letters/hotlineTokens";

export const dynamic = "force-dynamic";

// a work order is a few kilobytes of text: the body is read no further than this
const maxBodyBytes = 32 * 1024;

/** The JSON a hotline system sends; its text fields are then checked as the operator's form is. */
const ZWorkOrderBody = z
  .object({
    kind: z.string().max(20),
    mailbox: z.string().max(20),
    subject: z.string().max(1000),
    content: z.string().max(20_000),
    consentToPublish: z.boolean(),
    callerPhone: z.string().max(40),
    externalRef: z.string().max(64).optional(),
  })
  .strict()
  .transform(({ consentToPublish, ...order }) => ({
    ...order,
    consentToPublish: consentToPublish ? "yes" : "no",
  }))
  .pipe(ZWorkOrder);

/**
 * Files a 12345 work order (channel 热线电话) for the hotline system: a service token only
 * (`Authorization: Bearer`), one letter per `Idempotency-Key` — 201 when it was made and
 * committed, 200 with the same body when the key was used before. The caller's number is
 * stored for the handlers and never answered back.
 */
export const POST = apiRoute(async ({ request }) => {
  const actor = await hotlineActorFromRequest(request);
  if (!actor) return apiUnauthorized("Send Authorization: Bearer <service token> (made by an administrator)");
  const key = idempotencyKey(request);
  const order = await jsonBody(request, ZWorkOrderBody, maxBodyBytes);
  const result = await createWorkOrder({ actor, order, idempotencyKey: key });
  return Response.json(
    { number: result.number, accessCode: result.accessCode, status: result.status },
    { status: result.created ? 201 : 200, headers: { "Cache-Control": "no-store" } },
  );
});
