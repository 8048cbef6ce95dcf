import type { Page } from "@playwright/test";

/**
 * What the browser tests look for after putting the XSS corpus (tests/fixtures/xss-payloads.ts)
 * into a page: dialogs, scripts the page did not make, and markup a payload could have brought.
 */

/** What `inspect` found in one document. */
export type TInspection = {
  /** whatever in the root could run script or inject style (see markupProblems) */
  problems: string[];
  /** scripts the page did not make (see foreignScripts) */
  foreignScripts: number;
  /** the roots' text */
  text: string;
  /** the value of the first form control matching `value`, when asked for */
  value: string | null;
  /** how many elements match `count`, when asked for */
  count: number | null;
};

type TInspect = {
  htmls: string[] | null;
  root: string;
  formControls: boolean;
  value: string | null;
  count: string | null;
};

/**
 * Runs in the browser: the page's own document (`htmls` null), or each HTML text parsed as the
 * browser parses a page it is sent (DOMParser: the same parser; nothing in it runs or loads).
 */
function inspect({ htmls, root, formControls, value, count }: TInspect): TInspection[] {
  const dangerous = new Set([
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "img",
    "video",
    "audio",
    "source",
    "marquee",
    "input",
    "select",
    "textarea",
    "details",
    "x",
    "noscript",
    "form",
    "button",
    "body",
  ]);
  if (formControls)
    for (const tag of ["form", "input", "select", "textarea", "button"]) dangerous.delete(tag);
  const documents = htmls
    ? htmls.map((html) => new DOMParser().parseFromString(html, "text/html"))
    : [document];
  return documents.map((doc) => {
    const problems: string[] = [];
    const scopes = [...doc.querySelectorAll(root)];
    for (const scope of scopes) {
      for (const element of scope.querySelectorAll("*")) {
        const tag = element.tagName.toLowerCase();
        if (dangerous.has(tag)) problems.push(`<${tag}>`);
        for (const attribute of element.attributes) {
          if (
            /^on/i.test(attribute.name) ||
            ["style", "srcdoc", "contenteditable", "background"].includes(attribute.name)
          )
            problems.push(`${tag}[${attribute.name}]`);
          // React's own stand-in on a form bound to a server action, which never submits natively
          const reactForm =
            formControls &&
            tag === "form" &&
            attribute.name === "action" &&
            attribute.value.startsWith(
              "javascript:throw new Error('A React form was unexpectedly submitted.",
            );
          if (
            !reactForm &&
            ["href", "src", "action", "formaction", "data"].includes(attribute.name) &&
            /^\s*(javascript|data|vbscript):/i.test(attribute.value)
          )
            problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
        }
      }
    }
    const control = value ? doc.querySelector(value) : null;
    return {
      problems,
      // every script of ours carries the nonce, or is a chunk of the app that Next's loader added
      foreignScripts: doc.querySelectorAll('script:not([nonce]):not([src^="/_next/static/"])').length,
      text: scopes.map((scope) => scope.textContent ?? "").join("\n"),
      value: control && "value" in control ? String((control as HTMLInputElement).value) : null,
      count: count ? doc.querySelectorAll(count).length : null,
    };
  });
}

/**
 * Whatever in `root` could run script or inject style: elements, handlers, URL schemes. With
 * `formControls`, the page's own forms (inputs, buttons…) are expected there and not counted.
 */
export async function markupProblems(
  page: Page,
  root: string,
  options: { formControls?: boolean } = {},
): Promise<string[]> {
  const [found] = await page.evaluate(inspect, {
    htmls: null,
    root,
    formControls: !!options.formControls,
    value: null,
    count: null,
  });
  return found.problems;
}

/**
 * The same look at pages as the server sent them, many at once without a navigation each: an
 * element a payload brought would be in that markup whether or not it could run (what runs is
 * seen on hydrated pages). `page` is any page, used only for its parser.
 */
export function sentMarkup(
  page: Page,
  htmls: string[],
  root: string,
  options: { formControls?: boolean; value?: string; count?: string } = {},
): Promise<TInspection[]> {
  return page.evaluate(inspect, {
    htmls,
    root,
    formControls: !!options.formControls,
    value: options.value ?? null,
    count: options.count ?? null,
  });
}

/**
 * Scripts in the page that it did not make: every script of ours carries the nonce, or is a chunk
 * of the app that Next's loader added ('strict-dynamic' trusts those).
 */
export function foreignScripts(page: Page): Promise<number> {
  return page.locator('script:not([nonce]):not([src^="/_next/static/"])').count();
}

/** Collects (and dismisses) every dialog the pages open: a payload that ran would call alert(). */
export function watchDialogs(...pages: Page[]): string[] {
  const dialogs: string[] = [];
  for (const page of pages)
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  return dialogs;
}

/**
 * The pages at `paths` as the server sends them to `page`'s session (its cookies), a few at a
 * time; each must answer 200.
 */
export async function fetchPages(page: Page, paths: string[], atOnce = 4): Promise<string[]> {
  const htmls: string[] = [];
  for (let start = 0; start < paths.length; start += atOnce)
    htmls.push(
      ...(await Promise.all(
        paths.slice(start, start + atOnce).map(async (path) => {
          const response = await page.request.get(path);
          if (response.status() !== 200) throw new Error(`${path}: ${response.status()}`);
          return response.text();
        }),
      )),
    );
  return htmls;
}
