import { z } from "zod";

/**
 * Characters that change how text reads without being seen: bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) and direction marks (U+200E, U+200F, U+061C), which
 * can make "invoice<U+202E>fdp.exe" look like "invoiceexe.pdf"; zero-width spaces and joiners
 * (U+200B–U+200D), the word joiner and invisible operators (U+2060–U+2064) and the byte order mark
 * (U+FEFF), which make two different names look the same; and the C0 controls (but tab, line
 * feed and carriage return), DEL and the C1 controls.
 */
const invisible =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text as a person meant it: control characters and invisible formatting characters removed. In
 * one line (a title, a name, a file name) a tab or line break becomes a space; multi-line text
 * keeps them.
 */
export function withoutInvisibles(text: string, options: { multiline?: boolean } = {}): string {
  const cleaned = text.replace(invisible, "");
  return options.multiline ? cleaned : cleaned.replace(/[\t\n\r]/g, " ");
}

/** A one-line form field (a title, a name): cleaned of invisible characters, then trimmed. */
export function lineField(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .overwrite((text) => withoutInvisibles(text))
    .trim();
}

/** A multi-line form field (a body, a description): cleaned, keeping line breaks, then trimmed. */
export function textField(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .overwrite((text) => withoutInvisibles(text, { multiline: true }))
    .trim();
}
