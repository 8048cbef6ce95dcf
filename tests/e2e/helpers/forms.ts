import { test, type APIResponse, type Page } from "@playwright/test";

/**
 * Forms posted as a browser without JavaScript posts them, for making many records in a fraction
 * of the time a filled-in form takes (one record of each kind is still made through the page).
 */

type TFile = { name: string; mimeType: string; buffer: Buffer };

/** A form's fields as the server sent them (hidden ones too: a server action's own), files left out. */
export function formFields(page: Page, html: string, form: string): Promise<[string, string][]> {
  return page.evaluate(
    ([text, selector]) => {
      const element = new DOMParser().parseFromString(text, "text/html").querySelector(selector);
      if (!(element instanceof HTMLFormElement)) throw new Error(`no form ${selector}`);
      return [...new FormData(element).entries()].flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value] as [string, string]] : [],
      );
    },
    [html, form] as const,
  );
}

/**
 * Posts `fields` (multipart, as a browser does) with `values` put in their place, from `page`'s
 * session and origin, not following a redirect.
 */
export function postForm(
  page: Page,
  path: string,
  fields: [string, string][],
  values: Record<string, string | TFile | TFile[]> = {},
): Promise<APIResponse> {
  const form = new FormData();
  for (const [name, value] of fields) if (!(name in values)) form.append(name, value);
  for (const [name, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value])
      if (typeof one === "string") form.append(name, one);
      else form.append(name, new Blob([new Uint8Array(one.buffer)], { type: one.mimeType }), one.name);
  return page.request.post(path, {
    multipart: form,
    // the page's origin, as a browser's form sends it (the test's own before the page has one)
    headers: {
      Origin: new URL(page.url().startsWith("http") ? page.url() : test.info().project.use.baseURL!).origin,
    },
    maxRedirects: 0,
  });
}
