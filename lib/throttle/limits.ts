/**
 * Every limit of the portal, by name. A limit has one or more tiers: a tier allows `points`
 * attempts in `windowSeconds`, and the longer tiers of the sign-in limits make the wait grow the
 * more a key is tried (15 minutes, then an hour, then a day) — the slowing down that stands in
 * for locking an account. Counts live in the database (lib/throttle/throttle.ts), so every
 * instance of the portal counts against the same numbers (on the embedded database the load
 * limits count in memory: loadLimits).
 */
export type TTier = { points: number; windowSeconds: number };

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** A tier: `points` attempts allowed in `windowSeconds`. */
const tier = (points: number, windowSeconds: number): TTier => ({ points, windowSeconds });

export const limits = {
  /** wrong passwords from one address, whatever the account: password spraying */
  signInAddress: [tier(30, 15 * minute), tier(100, day)],
  /** wrong passwords for one account from one address; cleared by a successful sign-in there */
  signInAccountAddress: [tier(5, 15 * minute), tier(10, hour), tier(20, day)],
  /**
   * wrong passwords for one account from addresses where it has not signed in lately (a guess
   * spread over many addresses). Its owner, at an address they signed in from, is never held by it.
   */
  signInAccount: [tier(50, hour), tier(200, day)],
  /** addresses where an account signed in, remembered so the owner is not held by signInAccount */
  signInKnownAddress: [tier(1, 90 * day)],
  /**
   * wrong second-factor codes (authenticator or recovery) for one account, from anywhere: whoever
   * types them already has the password, so only the account's own count stands between a guesser
   * and the code
   */
  secondFactorAccount: [tier(5, 15 * minute), tier(10, hour), tier(20, day)],
  /** wrong second-factor codes from one address, whatever the account */
  secondFactorAddress: [tier(30, 15 * minute), tier(100, day)],
  /** wrong 查询码 (tracking number + access code) from one address */
  accessCodeAddress: [tier(20, 15 * minute), tier(100, day)],
  /** wrong 查询码 for one tracking number, from anywhere: the numbers are sequential */
  accessCodeNumber: [tier(10, hour), tier(30, day)],
  /** wrong result-document verification codes (/verify) from one address */
  verifyCodeAddress: [tier(20, 15 * minute), tier(100, day)],
  /** registrations from one address */
  register: [tier(20, hour), tier(50, day)],
  /** requests to change an account's e-mail address (each mails a link to the new address) */
  emailChange: [tier(5, hour), tier(10, day)],
  /** SMS codes sent to one mobile number, whatever the purpose: each costs money and a phone's peace */
  smsCodeNumber: [tier(5, hour), tier(10, day)],
  /** SMS codes asked for from one address, whatever the number (SMS pumping) */
  smsCodeAddress: [tier(10, hour), tier(30, day)],
  /** wrong SMS codes typed from one address, whatever the number */
  smsCodeCheckAddress: [tier(30, 15 * minute), tier(100, day)],
  /** searches from one address: the search page and the search API count together */
  search: [tier(120, minute)],
  /** letters written without an account from one address (each is work for a mailbox's handlers) */
  anonymousLetter: [tier(10, hour), tier(30, day)],
  /** comments on consultations (意见征集) by one citizen: each is work for an editor's moderation */
  consultationComment: [tier(10, hour), tier(30, day)],
  /** subscription requests from one address */
  subscribe: [tier(20, hour)],
  /** writes to the API (POST /api/v1/…) from one address */
  apiWrite: [tier(120, minute)],
} satisfies Record<string, TTier[]>;

export type TLimitName = keyof typeof limits;

/**
 * Limits that guard the server's load rather than a secret, with windows of a minute: on the
 * embedded database they are counted in the process's memory (lib/throttle/throttle.ts). There
 * is one instance by construction there (the data directory is locked), so the count is the same;
 * only a restart forgets a minute's count. The others are counted in the database everywhere, so
 * that a restart never gives a password guesser a fresh start.
 */
export const loadLimits: readonly TLimitName[] = ["search", "apiWrite"];
