import "server-only";
import QRCode from "qrcode";
import { totpUri } from "./totp";

/**
 * The enrolment QR code as a PNG data URL, made on the server so the page works without
 * JavaScript (the content security policy allows data: images).
 */
export function totpQrCode(input: { secret: string; issuer: string; account: string }): Promise<string> {
  return QRCode.toDataURL(totpUri(input), { errorCorrectionLevel: "M", margin: 2, scale: 6 });
}

/** The secret in groups of four, easier to type into an app that cannot scan. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
