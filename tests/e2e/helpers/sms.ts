import fs from "node:fs";

export type TSms = { to: string; template: string; params: Record<string, string> };

/** The file the SMS local driver writes each message to (SMS_OUTBOX_FILE in playwright.config.ts). */
const smsFile = `.e2e-sms-${Number(process.env.E2E_PORT ?? 3100)}.jsonl`;

function receivedSms(): TSms[] {
  if (!fs.existsSync(smsFile)) return [];
  return fs
    .readFileSync(smsFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TSms);
}

/** Waits for the latest verification code texted to a number (the job runner sends it within a second). */
export async function waitForSmsCode(mobile: string, after = 0, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const codes = receivedSms().filter((sms) => sms.to === mobile && sms.template === "verificationCode");
    if (codes.length > after) return codes[codes.length - 1].params.code;
    if (Date.now() > until) throw new Error(`no code for ${mobile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
