import type { Page } from "@playwright/test";

/**
 * What the browser tests look for after putting the XSS corpus (tests/fixtures/xss-payloads.ts)
 * into a page: dialogs, scripts the page did not make, and markup a payload could have brought.
 */

/**
 * Whatever in `root` could run script or inject style: elements, handlers, URL schemes. With
 * `formControls`, the page's own forms (inputs, buttons…) are expected there and not counted.
 */
export async function markupProblems(
  page: Page,
  root: string,
  options: { formControls?: boolean } = {},
): Promise<string[]> {
  return page.evaluate(
    ([selector, formControls]) => {
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
      const found: string[] = [];
      for (const scope of document.querySelectorAll(selector)) {
        for (const element of scope.querySelectorAll("*")) {
          const tag = element.tagName.toLowerCase();
          if (dangerous.has(tag)) found.push(`<${tag}>`);
          for (const attribute of element.attributes) {
            if (
              /^on/i.test(attribute.name) ||
              ["style", "srcdoc", "contenteditable", "background"].includes(attribute.name)
            )
              found.push(`${tag}[${attribute.name}]`);
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
              found.push(`${tag}[${attribute.name}=${attribute.value}]`);
          }
        }
      }
      return found;
    },
    [root, !!options.formControls] as const,
  );
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
