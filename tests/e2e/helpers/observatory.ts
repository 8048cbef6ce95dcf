/**
 * The scoring of Mozilla's HTTP Observatory (its tests, results and modifiers, as it grades a site
 * today), applied to the headers of one response, so a test can demand A+ of every kind of answer
 * the portal gives. Each test yields a result name, a modifier and whether it passed; the score
 * starts at 100, takes every penalty, and gets the bonuses only when it is 90 or more without them.
 * Not scored here: redirection from http to https, which is the TLS front's job (the portal is
 * never reached over plain http from outside).
 */

export type TObservation = {
  /** the address asked for; only its scheme and host matter */
  url: string;
  headers: Record<string, string>;
  /** every Set-Cookie the site sent while it was visited (the Observatory sees them all) */
  setCookies: string[];
  /** the HTML, for the subresource-integrity test */
  body?: string;
};
type TTestResult = { test: string; result: string; modifier: number; pass: boolean };
export type TGrade = { score: number; grade: string; tests: TTestResult[]; failed: TTestResult[] };

const dangerouslyBroad = new Set([
  "ftp:",
  "http:",
  "https:",
  "*",
  "http://*",
  "http://*.*",
  "https://*",
  "https://*.*",
]);
const unsafeInline = new Set(["'unsafe-inline'", "data:"]);
const broadOrInline = new Set([...dangerouslyBroad, ...unsafeInline]);
const nonceOrHash = ["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

/** One policy's directives; null when it cannot be parsed (a directive given twice, an empty one). */
function parseCsp(header: string): Map<string, Set<string>> | null {
  const policy = new Map<string, Set<string>>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (policy.has(directive)) return null;
    policy.set(directive, new Set(sources));
  }
  return policy.size > 0 ? policy : null;
}

function cspTest(observation: TObservation): TTestResult {
  const test = "content-security-policy";
  const header = observation.headers["content-security-policy"];
  if (!header) return { test, result: "csp-not-implemented", modifier: -25, pass: false };
  const csp = parseCsp(header);
  if (!csp) return { test, result: "csp-header-invalid", modifier: -25, pass: false };
  const fallback = (name: string) => new Set(csp.get(name) ?? csp.get("default-src") ?? ["*"]);
  const scriptSrc = fallback("script-src");
  const styleSrc = fallback("style-src");
  const objectSrc = fallback("object-src");
  const hasNonceOrHash = (sources: Set<string>) =>
    [...sources].some((s) => nonceOrHash.some((prefix) => s.startsWith(prefix)));
  for (const sources of [scriptSrc, styleSrc]) if (hasNonceOrHash(sources)) sources.delete("'unsafe-inline'");
  if (scriptSrc.has("'strict-dynamic'")) {
    if (!hasNonceOrHash(scriptSrc)) return { test, result: "csp-header-invalid", modifier: -25, pass: false };
    for (const source of [...scriptSrc])
      if (
        [...dangerouslyBroad].some((s) => source.startsWith(s)) ||
        source === "'self'" ||
        source === "'unsafe-inline'"
      )
        scriptSrc.delete(source);
  }
  if ([...scriptSrc].some((s) => broadOrInline.has(s)) || [...objectSrc].some((s) => dangerouslyBroad.has(s)))
    return { test, result: "csp-implemented-with-unsafe-inline", modifier: -20, pass: false };
  const https = new URL(observation.url).protocol === "https:";
  const active = [...csp.entries()]
    .filter(([name]) => !["img-src", "media-src", "script-src"].includes(name))
    .flatMap(([, sources]) => [...sources])
    .concat([...scriptSrc]);
  if (https && active.some((s) => s.startsWith("http:") || s.startsWith("ftp:")))
    return { test, result: "csp-implemented-with-insecure-scheme", modifier: -20, pass: false };
  if (scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'"))
    return { test, result: "csp-implemented-with-unsafe-eval", modifier: -10, pass: false };
  const passive = ["img-src", "media-src"].flatMap((name) => [
    ...(csp.get(name) ?? csp.get("default-src") ?? []),
  ]);
  if (https && passive.some((s) => s.startsWith("http:") || s.startsWith("ftp:")))
    return {
      test,
      result: "csp-implemented-with-insecure-scheme-in-passive-content-only",
      modifier: -10,
      pass: true,
    };
  if ([...styleSrc].some((s) => broadOrInline.has(s)))
    return { test, result: "csp-implemented-with-unsafe-inline-in-style-src-only", modifier: 0, pass: true };
  const defaultSrc = csp.get("default-src");
  if (defaultSrc?.has("'none'") && defaultSrc.size === 1)
    return { test, result: "csp-implemented-with-no-unsafe-default-src-none", modifier: 10, pass: true };
  return { test, result: "csp-implemented-with-no-unsafe", modifier: 5, pass: true };
}

type TCookie = { name: string; secure: boolean; httpOnly: boolean; sameSite: string | null };
function parseCookie(header: string): TCookie {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const attribute = (name: string) =>
    attributes.find((a) => a.split("=")[0].trim().toLowerCase() === name.toLowerCase());
  const sameSite = attribute("samesite");
  return {
    name: pair.split("=")[0],
    secure: !!attribute("secure"),
    httpOnly: !!attribute("httponly"),
    sameSite: sameSite ? (sameSite.split("=")[1] ?? "").trim().toLowerCase() : null,
  };
}

function hstsMaxAge(observation: TObservation): number | null {
  const header = observation.headers["strict-transport-security"];
  const match = header ? /max-age\s*=\s*"?(\d+)"?/i.exec(header) : null;
  return match ? Number(match[1]) : null;
}

function cookiesTest(observation: TObservation): TTestResult {
  const test = "cookies";
  const cookies = observation.setCookies.map(parseCookie);
  if (cookies.length === 0) return { test, result: "cookies-not-found", modifier: 0, pass: true };
  const hsts = (hstsMaxAge(observation) ?? 0) >= 15768000;
  const isSession = (c: TCookie) => /login|sess/i.test(c.name);
  if (cookies.some((c) => c.sameSite !== null && !["strict", "lax", "none"].includes(c.sameSite)))
    return { test, result: "cookies-samesite-flag-invalid", modifier: -20, pass: false };
  if (cookies.some((c) => isSession(c) && !c.secure))
    return hsts
      ? {
          test,
          result: "cookies-session-without-secure-flag-but-protected-by-hsts",
          modifier: -10,
          pass: false,
        }
      : { test, result: "cookies-session-without-secure-flag", modifier: -40, pass: false };
  if (cookies.some((c) => isSession(c) && !c.httpOnly))
    return { test, result: "cookies-session-without-httponly-flag", modifier: -30, pass: false };
  if (cookies.some((c) => !c.secure))
    return hsts
      ? { test, result: "cookies-without-secure-flag-but-protected-by-hsts", modifier: -5, pass: false }
      : { test, result: "cookies-without-secure-flag", modifier: -20, pass: false };
  if (cookies.some((c) => /csrf/i.test(c.name) && c.sameSite === null))
    return { test, result: "cookies-anticsrf-without-samesite-flag", modifier: -20, pass: false };
  if (cookies.every((c) => c.sameSite === "strict" || c.sameSite === "lax"))
    return { test, result: "cookies-secure-with-httponly-sessions-and-samesite", modifier: 5, pass: true };
  return { test, result: "cookies-secure-with-httponly-sessions", modifier: 0, pass: true };
}

/** The Observatory asks with a foreign Origin and fails a site that hands it credentials. */
function corsTest(observation: TObservation): TTestResult {
  const test = "cross-origin-resource-sharing";
  const allowOrigin = observation.headers["access-control-allow-origin"];
  if (!allowOrigin)
    return { test, result: "cross-origin-resource-sharing-not-implemented", modifier: 0, pass: true };
  if (allowOrigin === "*")
    return {
      test,
      result: "cross-origin-resource-sharing-implemented-with-public-access",
      modifier: 0,
      pass: true,
    };
  if (observation.headers["access-control-allow-credentials"]?.toLowerCase() === "true")
    return {
      test,
      result: "cross-origin-resource-sharing-implemented-with-universal-access",
      modifier: -50,
      pass: false,
    };
  return {
    test,
    result: "cross-origin-resource-sharing-implemented-with-restricted-access",
    modifier: 0,
    pass: true,
  };
}

function referrerPolicyTest(observation: TObservation): TTestResult {
  const test = "referrer-policy";
  const header = observation.headers["referrer-policy"];
  if (!header) return { test, result: "referrer-policy-not-implemented", modifier: 0, pass: true };
  const values = header.split(",").map((v) => v.trim().toLowerCase());
  const valid = new Set([
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
  ]);
  const effective = values.filter((v) => valid.has(v)).at(-1);
  if (!effective) return { test, result: "referrer-policy-header-invalid", modifier: -5, pass: false };
  if (["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].includes(effective))
    return { test, result: "referrer-policy-private", modifier: 5, pass: true };
  return { test, result: "referrer-policy-unsafe", modifier: -5, pass: false };
}

function hstsTest(observation: TObservation): TTestResult {
  const test = "strict-transport-security";
  if (new URL(observation.url).protocol !== "https:")
    return { test, result: "hsts-not-implemented-no-https", modifier: -20, pass: false };
  const header = observation.headers["strict-transport-security"];
  if (!header) return { test, result: "hsts-not-implemented", modifier: -20, pass: false };
  const maxAge = hstsMaxAge(observation);
  if (maxAge === null) return { test, result: "hsts-header-invalid", modifier: -20, pass: false };
  if (maxAge < 15768000)
    return { test, result: "hsts-implemented-max-age-less-than-six-months", modifier: -10, pass: false };
  return { test, result: "hsts-implemented-max-age-at-least-six-months", modifier: 0, pass: true };
}

function sriTest(observation: TObservation): TTestResult {
  const test = "subresource-integrity";
  if (!(observation.headers["content-type"] ?? "").startsWith("text/html") || observation.body === undefined)
    return { test, result: "sri-not-implemented-response-not-html", modifier: 0, pass: true };
  const site = new URL(observation.url);
  const scripts = [...observation.body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  const external = scripts
    .map((tag) => ({ src: /\ssrc="([^"]*)"/i.exec(tag)?.[1], integrity: /\sintegrity="/i.test(tag) }))
    .filter((s): s is { src: string; integrity: boolean } => s.src !== undefined)
    .map((s) => ({ ...s, url: new URL(s.src, site) }))
    .filter((s) => s.url.host !== site.host);
  if (scripts.length === 0)
    return { test, result: "sri-not-implemented-but-no-scripts-loaded", modifier: 0, pass: true };
  if (external.length === 0)
    return {
      test,
      result: "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
      modifier: 0,
      pass: true,
    };
  if (external.some((s) => s.url.protocol !== "https:"))
    return {
      test,
      result: "sri-not-implemented-and-external-scripts-not-loaded-securely",
      modifier: -50,
      pass: false,
    };
  if (external.every((s) => s.integrity))
    return { test, result: "sri-implemented-and-external-scripts-loaded-securely", modifier: 5, pass: true };
  return {
    test,
    result: "sri-not-implemented-but-external-scripts-loaded-securely",
    modifier: -5,
    pass: false,
  };
}

function contentTypeOptionsTest(observation: TObservation): TTestResult {
  const test = "x-content-type-options";
  const header = observation.headers["x-content-type-options"];
  if (!header) return { test, result: "x-content-type-options-not-implemented", modifier: -5, pass: false };
  if (header.trim().toLowerCase() !== "nosniff")
    return { test, result: "x-content-type-options-header-invalid", modifier: -5, pass: false };
  return { test, result: "x-content-type-options-nosniff", modifier: 0, pass: true };
}

function frameOptionsTest(observation: TObservation): TTestResult {
  const test = "x-frame-options";
  const csp = parseCsp(observation.headers["content-security-policy"] ?? "");
  const ancestors = csp?.get("frame-ancestors");
  if (ancestors && ![...ancestors].some((s) => dangerouslyBroad.has(s)))
    return { test, result: "x-frame-options-implemented-via-csp", modifier: 5, pass: true };
  const header = observation.headers["x-frame-options"];
  if (!header) return { test, result: "x-frame-options-not-implemented", modifier: -20, pass: false };
  if (!["deny", "sameorigin"].includes(header.trim().toLowerCase()))
    return { test, result: "x-frame-options-header-invalid", modifier: -20, pass: false };
  return { test, result: "x-frame-options-sameorigin-or-deny", modifier: 0, pass: true };
}

function resourcePolicyTest(observation: TObservation): TTestResult {
  const test = "cross-origin-resource-policy";
  const header = observation.headers["cross-origin-resource-policy"];
  if (!header) return { test, result: "corp-not-implemented", modifier: 0, pass: true };
  const value = header.trim().toLowerCase();
  if (value === "same-origin" || value === "same-site")
    return { test, result: `corp-implemented-with-${value}`, modifier: 0, pass: true };
  if (value === "cross-origin")
    return { test, result: "corp-implemented-with-cross-origin", modifier: 0, pass: true };
  return { test, result: "corp-header-invalid", modifier: -5, pass: false };
}

const gradeChart: [number, string][] = [
  [100, "A+"],
  [90, "A"],
  [85, "A-"],
  [80, "B+"],
  [70, "B"],
  [65, "B-"],
  [60, "C+"],
  [50, "C"],
  [45, "C-"],
  [40, "D+"],
  [30, "D"],
  [25, "D-"],
  [0, "F"],
];

/** The Observatory's grade of one response. */
export function gradeResponse(observation: TObservation): TGrade {
  const tests = [
    cspTest,
    cookiesTest,
    corsTest,
    referrerPolicyTest,
    hstsTest,
    sriTest,
    contentTypeOptionsTest,
    frameOptionsTest,
    resourcePolicyTest,
  ].map((run) => run(observation));
  const penalties = tests.filter((t) => t.modifier < 0).reduce((sum, t) => sum + t.modifier, 100);
  const bonus = tests.filter((t) => t.modifier > 0).reduce((sum, t) => sum + t.modifier, 0);
  const score = Math.max(0, penalties >= 90 ? penalties + bonus : penalties);
  const grade = gradeChart.find(([floor]) => score >= floor)?.[1] ?? "F";
  return { score, grade, tests, failed: tests.filter((t) => !t.pass) };
}
