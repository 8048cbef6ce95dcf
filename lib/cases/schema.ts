import { z } from "zod";

/** 办件编号: two letters for the kind, the 8-digit date, 6 digits. */
export const trackingNumberPattern = /^(SV|GK)\d{8}\d{6}$/;
/** 查询码: 6 characters from an alphabet without look-alikes (23456789ABCDEFGHJKMNPQRSTUVWXYZ). */
export const accessCodePattern = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

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
