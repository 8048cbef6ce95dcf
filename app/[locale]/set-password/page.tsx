import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { passwordLinkFor } from "@/lib/users/passwordLinks";
import { PageHeading } from "@/components/ui/PageHeading";
import { SetPasswordForm } from "@/components/account/SetPasswordForm";
import { PasswordLinkOutcome } from "@/components/account/PasswordLinkOutcome";
import { setCitizenPassword } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("users", "users:setPassword.title");

/** Where the link in a password reset mail leads a citizen: they choose a new password. */
export default async function SetPasswordPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([pageT(params, ["users", "errors"]), searchParams]);
  const token = param(query.token, 100) ?? "";
  const link = query.done ? null : await passwordLinkFor({ token });
  return (
    <div className="grid gap-4">
      <PageHeading title={t("users:setPassword.title")} />
      <PasswordLinkOutcome t={t} done={!!query.done} signInHref={`/${locale}/sign-in`}>
        {link?.portal === "public" ? (
          <SetPasswordForm
            t={t}
            action={setCitizenPassword}
            token={token}
            email={link.email}
            hidden={{ locale }}
          />
        ) : null}
      </PasswordLinkOutcome>
    </div>
  );
}
