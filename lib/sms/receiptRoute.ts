import "server-only";
import { maxReceiptBytes, recordSmsReceipts } from "./outbox";
import { readLimitedText } from "../http/smallForm";

const answer = (status: number, code: string, message: string) =>
  Response.json({ code, msg: message }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * POST /api/sms/receipt: the provider's delivery receipts, signed with the access key secret
 * (lib/sms/signature.ts). Answers `{"code":0}` once recorded, which is what providers wait for
 * before they stop re-sending a report; 401 for an unsigned or stale request, 400 for a body that
 * is not a list of receipts, 413 past 256 KB.
 */
export async function receiveSmsReceipts(request: Request): Promise<Response> {
  const body = await readLimitedText(request, maxReceiptBytes);
  if (body === null) return answer(413, "tooLarge", "receipt body over 256 KB");
  const result = await recordSmsReceipts({ body, headers: request.headers });
  if (!result.ok) return answer(401, "refused", "unsigned, stale or malformed receipt");
  return answer(200, "0", `recorded ${result.updated}`);
}
