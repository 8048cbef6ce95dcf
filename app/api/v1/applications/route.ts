import { z } from "zod";
import { apiError } from "@/lib/api/errors";
import { citizenRoute, idempotencyKey, jsonBody } from "@/lib/api/route";
import { queryParams } from "@/lib/api/queryParams";
import { AnswersInvalid, submitApplication } from "@/lib/cases/submitApplication";
import { listOwnCases } from "@/lib/cases/ownCases";
import { ownCaseListJson } from "@/lib/cases/caseJson";

export const dynamic = "force-dynamic";

const ZAnswer = z.union([z.string().max(5000), z.array(z.string().max(5000)).max(100)]);
const ZApplicationBody = z.object({
  serviceCode: z.string().trim().min(1).max(64),
  answers: z.record(z.string().max(64), ZAnswer).default({}),
  uploads: z.record(z.string().max(64), z.string().max(64)).default({}),
  /** 代办: the principal's name and ID number, and the upload id of the declaration they signed */
  onBehalf: z
    .object({ name: z.string().max(100), idNumber: z.string().max(30), declaration: z.string().max(64) })
    .optional(),
});

const pageSize = 50;
const ZListQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

/** The signed-in citizen's own cases, newest first, 50 a page (`?page=`). */
export const GET = citizenRoute("token or cookie", async ({ request, actor }) => {
  const query = ZListQuery.safeParse(queryParams(request.url));
  if (!query.success) return apiError(400, "bad_page", "page must be a whole number from 1");
  const list = await listOwnCases({ actor, page: query.data.page, pageSize });
  return Response.json(ownCaseListJson(list), { headers: { "Cache-Control": "private, no-store" } });
});

/**
 * Submits an application once per `Idempotency-Key`: 201 with the new case, or 200 with the
 * same body when the key was used before (no second case). Upload ids join the answers.
 */
export const POST = citizenRoute("token or cookie", async ({ request, actor }) => {
  const key = idempotencyKey(request);
  const body = await jsonBody(request, ZApplicationBody);
  const input = {
    actor,
    serviceCode: body.serviceCode,
    answers: { ...body.answers, ...body.uploads },
    idempotencyKey: key,
    onBehalf: body.onBehalf && {
      name: body.onBehalf.name,
      idNumber: body.onBehalf.idNumber,
      declarationId: body.onBehalf.declaration,
    },
  };
  try {
    const result = await submitApplication(input).catch((error: unknown) => {
      // a concurrent duplicate may find its uploads already taken by the winning request: asking
      // once more answers with the winner's case (or the same AnswersInvalid when truly invalid)
      if (error instanceof AnswersInvalid) return submitApplication(input);
      throw error;
    });
    const { trackingNumber, accessCode, status } = result;
    return Response.json(
      { trackingNumber, accessCode, status },
      { status: result.created ? 201 : 200, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof AnswersInvalid)
      return apiError(422, "invalid_answers", "Some answers are not valid: see fields", error.fieldErrors);
    throw error;
  }
});
