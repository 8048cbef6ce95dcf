/** The domain of the placeholder address an account without a mailbox has (mobile-code and sign-on accounts). */
export const noMailboxDomain = "@mobile.invalid";
