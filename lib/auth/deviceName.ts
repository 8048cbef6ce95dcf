import Bowser from "bowser";

/** A session's device as a person recognises it: browser and operating system names. */
export type TDevice = { browser: string; os: string };

/**
 * The browser and system a user agent names ("Chrome", "Android"), parsed by bowser; null when
 * it names neither (a script, an empty header), so the page can say "unknown device".
 */
export function deviceOf(userAgent: string | null | undefined): TDevice | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ?? "";
  const os = parsed.os.name ?? "";
  if (!browser && !os) return null;
  return { browser: browser || "?", os: os || "?" };
}
