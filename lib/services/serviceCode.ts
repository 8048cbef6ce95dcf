/** A service's code as it appears in URLs and forms: department, area, number (`GA-HJ-001`). */
export const serviceCodePattern = /^[A-Z]{2}-[A-Z]{2,8}-\d{3}$/;
