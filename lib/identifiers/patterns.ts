/** 办件编号: two letters for the kind, the 8-digit date, 6 digits. */
export const trackingNumberPattern = /^(SV|GK)\d{8}\d{6}$/;
/** 查询码: 6 characters from an alphabet without look-alikes (23456789ABCDEFGHJKMNPQRSTUVWXYZ). */
export const accessCodePattern = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;
/** The 信件编号: XJ, the day (YYYYMMDD) and a six-digit serial. */
export const letterNumberPattern = /^XJ\d{14}$/;
