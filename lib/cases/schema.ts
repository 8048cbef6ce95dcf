import { z } from "zod";
import { accessCodePattern, trackingNumberPattern } from "../identifiers/patterns";

// the throttle reads them too (lib/throttle/pageLimits), which may not depend on cases
export { accessCodePattern, trackingNumberPattern };

export const ZTrack = z.object({
  trackingNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "required")
    .regex(trackingNumberPattern, "trackingNumberFormat"),
  accessCode: z.string().trim().toUpperCase().min(1, "required").regex(accessCodePattern, "accessCodeFormat"),
});

/** A service case's 办件编号 (SV…). */
export const serviceCaseNumberPattern = /^SV\d{14}$/;
