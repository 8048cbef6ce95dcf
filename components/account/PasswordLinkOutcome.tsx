import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { Link } from "@/components/ui/Link";

type Props = {
  t: TFunction;
  /** the password was set: say so, with the way to sign in */
  done: boolean;
  signInHref: string;
  /** the form, while the link still works; nothing once it has expired or been used */
  children: ReactNode;
};

/** What a mailed password link (invitation or reset) leads to: its form, then done, or why it no longer works. */
export function PasswordLinkOutcome({ t, done, signInHref, children }: Props) {
  if (done)
    return (
      <>
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("users:setPassword.done")}
        </p>
        <p>
          <Link href={signInHref}>{t("users:setPassword.signIn")}</Link>
        </p>
      </>
    );
  return (
    children ?? (
      <p role="alert" className="border-l-4 border-brand pl-3 font-bold">
        {t("users:setPassword.invalid")}
      </p>
    )
  );
}
