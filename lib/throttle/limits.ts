/**
 * Every limit of the portal, by name. A limit has one or more tiers: a tier allows `points`
 * attempts in `windowSeconds`, and the longer tiers of the sign-in limits make the wait grow the
 * more a key is tried (15 minutes, then an hour, then a day) — the slowing down that stands in
 * for locking an account. Counts live in the database (lib/throttle/throttle.ts), so every
 * instance of the portal counts against the same numbers.
 */
export type TTier = { points: number; windowSeconds: number };

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

export const limits = {
  /** wrong passwords from one address, whatever the account: password spraying */
  signInAddress: [
    { points: 30, windowSeconds: 15 * minute },
    { points: 100, windowSeconds: day },
  ],
  /** wrong passwords for one account from one address; cleared by a successful sign-in there */
  signInAccountAddress: [
    { points: 5, windowSeconds: 15 * minute },
    { points: 10, windowSeconds: hour },
    { points: 20, windowSeconds: day },
  ],
  /**
   * wrong passwords for one account from addresses where it has not signed in lately (a guess
   * spread over many addresses). Its owner, at an address they signed in from, is never held by it.
   */
  signInAccount: [
    { points: 50, windowSeconds: hour },
    { points: 200, windowSeconds: day },
  ],
  /** addresses where an account signed in, remembered so the owner is not held by signInAccount */
  signInKnownAddress: [{ points: 1, windowSeconds: 90 * day }],
  /**
   * wrong second-factor codes (authenticator or recovery) for one account, from anywhere: whoever
   * types them already has the password, so only the account's own count stands between a guesser
   * and the code
   */
  secondFactorAccount: [
    { points: 5, windowSeconds: 15 * minute },
    { points: 10, windowSeconds: hour },
    { points: 20, windowSeconds: day },
  ],
  /** wrong second-factor codes from one address, whatever the account */
  secondFactorAddress: [
    { points: 30, windowSeconds: 15 * minute },
    { points: 100, windowSeconds: day },
  ],
  /** wrong 查询码 (tracking number + access code) from one address */
  accessCodeAddress: [
    { points: 20, windowSeconds: 15 * minute },
    { points: 100, windowSeconds: day },
  ],
  /** wrong 查询码 for one tracking number, from anywhere: the numbers are sequential */
  accessCodeNumber: [
    { points: 10, windowSeconds: hour },
    { points: 30, windowSeconds: day },
  ],
  /** wrong result-document verification codes (/verify) from one address */
  verifyCodeAddress: [
    { points: 20, windowSeconds: 15 * minute },
    { points: 100, windowSeconds: day },
  ],
  /** registrations from one address */
  register: [
    { points: 20, windowSeconds: hour },
    { points: 50, windowSeconds: day },
  ],
  /** requests to change an account's e-mail address (each mails a link to the new address) */
  emailChange: [
    { points: 5, windowSeconds: hour },
    { points: 10, windowSeconds: day },
  ],
  /** SMS codes sent to one mobile number, whatever the purpose: each costs money and a phone's peace */
  smsCodeNumber: [
    { points: 5, windowSeconds: hour },
    { points: 10, windowSeconds: day },
  ],
  /** SMS codes asked for from one address, whatever the number (SMS pumping) */
  smsCodeAddress: [
    { points: 10, windowSeconds: hour },
    { points: 30, windowSeconds: day },
  ],
  /** wrong SMS codes typed from one address, whatever the number */
  smsCodeCheckAddress: [
    { points: 30, windowSeconds: 15 * minute },
    { points: 100, windowSeconds: day },
  ],
  /** searches from one address: the search page and the search API count together */
  search: [{ points: 120, windowSeconds: minute }],
  /** letters written without an account from one address (each is work for a mailbox's handlers) */
  anonymousLetter: [
    { points: 10, windowSeconds: hour },
    { points: 30, windowSeconds: day },
  ],
  /** comments on consultations (意见征集) by one citizen: each is work for an editor's moderation */
  consultationComment: [
    { points: 10, windowSeconds: hour },
    { points: 30, windowSeconds: day },
  ],
  /** subscription requests from one address */
  subscribe: [{ points: 20, windowSeconds: hour }],
  /** writes to the API (POST /api/v1/…) from one address */
  apiWrite: [{ points: 120, windowSeconds: minute }],
} satisfies Record<string, TTier[]>;

export type TLimitName = keyof typeof limits;
