import { z } from "zod";

/**
 * The SMS the portal sends. An SMS is never free text: Chinese providers send only templates
 * registered (and approved) with them under the portal's 签名, filled with parameters. Each
 * template here names its parameters; the provider's template code comes from the environment
 * (`SMS_TEMPLATE_<NAME>`, e.g. SMS_TEMPLATE_VERIFICATIONCODE=SMS_123456789) or defaults to the
 * portal's name for it, which a provider stub or the local outbox shows as is.
 */
const shortText = z.string().min(1).max(40);

export const smsTemplates = {
  /** 【签名】您的验证码为${code}，5分钟内有效。 */
  verificationCode: z.object({ code: z.string().regex(/^\d{6}$/) }),
  /** 【签名】您的办件${number}需要补正材料，请登录门户查看。 */
  supplementRequested: z.object({ number: shortText }),
  /** 【签名】您的办件${number}已办理：${result}。 */
  caseDecided: z.object({ number: shortText, result: shortText }),
  /** 【签名】您的来信${number}已答复，请登录门户查看。 */
  letterReplied: z.object({ number: shortText }),
  /** 【签名】${community}发布紧急通知：${title}。 */
  emergencyNotice: z.object({ community: shortText, title: shortText }),
} as const;

export type TSmsTemplate = keyof typeof smsTemplates;
export type TSmsParams = Record<string, string>;

/** The provider's code for a template. */
export function providerTemplateCode(template: TSmsTemplate): string {
  return process.env[`SMS_TEMPLATE_${template.toUpperCase()}`] ?? template;
}

/** Checks a template's parameters; long text parameters are cut to the providers' 35-character limit. */
export function smsParams(template: TSmsTemplate, params: TSmsParams): TSmsParams {
  const cut = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, [...value].slice(0, 35).join("")]),
  );
  return smsTemplates[template].parse(cut) as TSmsParams;
}

/** A mainland mobile number as typed ("+86 138-0013-8000") to its 11 digits; null when it is not one. */
export function normaliseMobile(typed: string): string | null {
  const digits = typed.replace(/[\s\-()]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** A number shown to others than its owner: 138****8000. */
export const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
