/**
 * Check digits of Chinese identifiers, shared by the browser hints and the server validation.
 */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = "10X98765432";

/** 居民身份证号码 (GB 11643-1999): 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
export function isValidIdCardNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > Date.now()
  )
    return false;
  const sum = idWeights.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return idCheckChars[sum % 11] === id[17];
}

const uscChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const uscWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters from its alphabet and the MOD 31 check character. */
export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = uscWeights.reduce((total, weight, index) => total + weight * uscChars.indexOf(code[index]), 0);
  const check = (31 - (sum % 31)) % 31;
  return uscChars[check] === code[17];
}

/** Mainland mobile number: 11 digits starting 1[3-9]. */
export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value.trim());
}
