import "server-only";
import { signedHeaders } from "./signature";
import { providerTemplateCode, type TSmsParams, type TSmsTemplate } from "./templates";

/** The provider refused the message for good (a bad number, an unknown template): no retry helps. */
export class SmsRefused extends Error {}

export type TSmsProviderConfig = { url: string; keyId: string; secret: string; signName: string };

/** The provider settings from the environment; null when SMS_URL is unset (the local driver). */
export function smsProviderConfig(): TSmsProviderConfig | null {
  const url = process.env.SMS_URL;
  if (!url) return null;
  return {
    url,
    keyId: process.env.SMS_ACCESS_KEY_ID ?? "",
    secret: process.env.SMS_ACCESS_KEY_SECRET ?? "",
    signName: process.env.SMS_SIGN_NAME ?? "成都政务",
  };
}

/**
 * The request body, in the shape of Aliyun's SendSms and Tencent Cloud's SendSms: the 签名, the
 * template code and its parameters as a JSON string, the number, and the portal's own id for the
 * message (OutId / SessionContext), which the provider echoes back in its receipt.
 */
export function smsRequestBody(input: {
  signName: string;
  to: string;
  template: TSmsTemplate;
  params: TSmsParams;
  outId: string;
}): string {
  return JSON.stringify({
    PhoneNumbers: input.to,
    SignName: input.signName,
    TemplateCode: providerTemplateCode(input.template),
    TemplateParam: JSON.stringify(input.params),
    OutId: input.outId,
  });
}

/**
 * Sends one SMS over HTTPS POST, signed with the access key secret. Answers the provider's id for
 * the message. A network failure, a timeout or a 5xx/429 answer is temporary (thrown as Error, the
 * job retries); a 4xx answer or a refusal code in a 200 answer is permanent (SmsRefused).
 */
export async function sendThroughProvider(
  config: TSmsProviderConfig,
  sms: { to: string; template: TSmsTemplate; params: TSmsParams; outId: string },
  signal?: AbortSignal,
): Promise<string> {
  const body = smsRequestBody({ ...sms, signName: config.signName });
  const timeout = AbortSignal.timeout(10_000);
  const response = await fetch(config.url, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...signedHeaders({ body, keyId: config.keyId, secret: config.secret }),
    },
    body,
    redirect: "error",
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const text = (await response.text()).slice(0, 2000);
  if (response.status >= 500 || response.status === 429)
    throw new Error(`SMS provider answered ${response.status}: ${text.slice(0, 200)}`);
  let answer: { Code?: unknown; Message?: unknown; BizId?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // an answer that is not JSON says nothing about the message: treated below by its status
  }
  if (!response.ok || answer.Code !== "OK")
    throw new SmsRefused(
      `SMS provider refused (${response.status} ${String(answer.Code ?? "")}): ${String(answer.Message ?? text).slice(0, 200)}`,
    );
  return typeof answer.BizId === "string" && answer.BizId ? answer.BizId.slice(0, 100) : sms.outId;
}
