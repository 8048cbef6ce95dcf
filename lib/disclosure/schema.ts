/** A 依申请公开 request's 办件编号: GK, the day (YYYYMMDD) and a six-digit serial. */
export const requestNumberPattern = /^GK\d{14}$/;
