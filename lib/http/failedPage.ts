/**
 * A page that fails in Next (the database unreachable, a bug) gets Next's error shell: an empty
 * `<html id="__next_error__">` that only its scripts fill in, with an English default text. A
 * visitor without JavaScript saw a blank page, and everyone else a message in English. The server
 * in front of Next (scripts/server.ts) replaces that answer with a plain page in the page's language
 * that needs no script: what happened, a reference to quote (logged with the path), a link home.
 * Free of `server-only` and of Next: scripts/server.ts imports it.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { TLocale } from "../i18n/settings";
import { isApiPath, plainAnswerHeaders, plainPage, plainPageAddress } from "./plainPage";
import type { THandler } from "./renderSlots";
import zhHans from "../../locales/zh-Hans/pageFailed.json";
import zhHant from "../../locales/zh-Hant/pageFailed.json";
import en from "../../locales/en/pageFailed.json";

const texts: Record<TLocale, typeof en> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/** A response's own methods, as they were before Next wrapped them, called with the response as `this`. */
type TSend = {
  writeHead: (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  write: (this: ServerResponse, ...args: unknown[]) => boolean;
  end: (this: ServerResponse, ...args: unknown[]) => ServerResponse;
};

/**
 * Whether Next's answer to this request could be a page's error shell: anything but the API (whose
 * errors are JSON of their own), Next's files, and a client navigation or server action from the
 * page's own script (`RSC`, `Next-Action`), which shows its error in the page it is on.
 */
export function mayAnswerPage(request: IncomingMessage): boolean {
  const path = (request.url ?? "/").split("?")[0];
  if (isApiPath(path) || path.startsWith("/_next/")) return false;
  return request.headers.rsc === undefined && request.headers["next-action"] === undefined;
}

/** The content type among writeHead's headers (an object, or a flat list of names and values), if any. */
function typeAmong(headers: OutgoingHttpHeaders | (string | string[])[] | undefined): string | undefined {
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      if (String(headers[i]).toLowerCase() === "content-type") return String(headers[i + 1]);
    return undefined;
  }
  for (const [name, value] of Object.entries(headers))
    if (name.toLowerCase() === "content-type") return String(value);
  return undefined;
}

/**
 * Writes the plain page for a failed page on `response` with the methods Next did not wrap
 * (`send`), after dropping every header Next had set: 500, in the page's language (the browser's
 * where the path names none), with a reference logged beside the request.
 */
function answerFailed(request: IncomingMessage, response: ServerResponse, send: TSend): void {
  const { pathname, locale, home } = plainPageAddress(request);
  const reference = randomBytes(4).toString("hex");
  console.error(
    `[page ${reference}] ${request.method} ${pathname} failed: answered with the plain error page`,
  );
  const text = texts[locale];
  const html = plainPage({
    locale,
    title: text.title,
    body: text.body,
    note: text.reference.replace("{{reference}}", reference),
    home,
  });
  const bytes = Buffer.from(html);
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  send.writeHead.call(
    response,
    500,
    plainAnswerHeaders(pathname, "text/html; charset=utf-8", bytes.byteLength),
  );
  send.end.call(response, request.method === "HEAD" ? undefined : bytes);
}

/** A write or end of Next's that goes nowhere: its callback is called back, as Node would, and it gives `result`. */
function swallowed<T>(args: unknown[], result: T): T {
  const callback = args.find((part) => typeof part === "function") as (() => void) | undefined;
  if (callback) process.nextTick(callback);
  return result;
}

/**
 * `handler` (Next's), with its answer to a page replaced by the plain error page when it is an
 * HTML answer of status 500. The decision is made when the status line is written, before
 * any of the body: from then on Next's writes (compressed or not) go nowhere, and its `end` only
 * calls back. Any other answer passes through untouched.
 */
export function withFailedPageAnswer(
  handler: THandler,
  skips: (request: IncomingMessage) => boolean,
): THandler {
  return (request, response) => {
    if (skips(request) || !mayAnswerPage(request)) return handler(request, response);
    const send = {
      writeHead: response.writeHead,
      write: response.write,
      end: response.end,
    } as unknown as TSend;
    let replaced = false;
    // Next (and its compression, which wraps writeHead and write in its turn) reaches the status
    // line through this, whether it calls writeHead itself or Node writes the headers implicitly
    response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((part) => typeof part === "object") as OutgoingHttpHeaders | undefined;
      const type = typeAmong(headers) ?? String(response.getHeader("content-type") ?? "");
      // 500 only: Next's error shell; another 5xx page would be one a route meant to send (a 503 with its Retry-After)
      if (!replaced && status === 500 && type.startsWith("text/html")) {
        replaced = true;
        answerFailed(request, response, send);
        return this;
      }
      return send.writeHead.call(this, status, ...rest);
    } as ServerResponse["writeHead"];
    // the status line is decided before a write or end reaches Node, so that nothing of Next's body is sent after ours
    const decide = () => {
      if (!response.headersSent && !replaced) response.writeHead(response.statusCode);
    };
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      decide();
      return replaced ? swallowed(args, true) : send.write.apply(this, args);
    } as ServerResponse["write"];
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      decide();
      return replaced ? swallowed(args, this) : send.end.apply(this, args);
    } as ServerResponse["end"];
    return handler(request, response);
  };
}
