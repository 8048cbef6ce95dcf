import fs from "node:fs";

export type TMail = { from?: string; to: string; subject?: string; text?: string };

/** The file the SMTP sink of playwright.config.ts writes each received message to. */
const mailFile = `.e2e-mail-${Number(process.env.E2E_PORT ?? 3100)}.jsonl`;

export function receivedMail(): TMail[] {
  if (!fs.existsSync(mailFile)) return [];
  return fs
    .readFileSync(mailFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TMail);
}

/** Waits until a message matching `match` has arrived over SMTP. */
export async function waitForMail(match: (mail: TMail) => boolean, timeoutMs = 20_000): Promise<TMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = receivedMail().find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching mail among ${receivedMail().length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
