import { withoutInvisibles } from "../shared/plainText";

/** The file types the portal accepts, recognised by their first bytes (never by name). */
export type TAcceptedType = "application/pdf" | "image/jpeg" | "image/png";

const signatures: { type: TAcceptedType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

export function detectType(head: Uint8Array): TAcceptedType | null {
  for (const { type, bytes } of signatures)
    if (bytes.every((byte, index) => head[index] === byte)) return type;
  return null;
}

export const extensionOf: Record<TAcceptedType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/**
 * A safe display name: no directories, markup, control or invisible characters (a right-to-left
 * override could disguise the extension); the extension follows the detected type; at most 100
 * characters.
 */
export function sanitizeFileName(name: string, type: TAcceptedType): string {
  const whole = (withoutInvisibles(name).split(/[\\/]/).pop() ?? "")
    .replace(/[<>:"|?*]/g, "")
    .replace(/\.[^.]*$/, "")
    .trim();
  // cut by characters, never between the two halves of one (an emoji, a rare 汉字): half of one
  // is no text, and a name ending in it was stored as U+FFFD
  const base = Array.from(whole).slice(0, 90).join("").trim();
  return `${base || "file"}.${extensionOf[type]}`;
}
