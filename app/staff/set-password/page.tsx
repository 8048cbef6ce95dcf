import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { passwordLinkFor } from "@/lib/users/passwordLinks";
import { SetPasswordForm } from "@/components/account/SetPasswordForm";
import { PasswordLinkOutcome } from "@/components/account/PasswordLinkOutcome";
import { setStaffPassword } from "./actions";

export const generateMetadata = staffPageMetadata("users", "users:setPassword.title");

/** Where the link in a staff invitation or password reset mail leads: the person sets their password. */
export default async function StaffSetPasswordPage({ searchParams }: { searchParams: TSearchParams }) {
  const query = await searchParams;
  const t = await getT(defaultLocale, ["users", "errors"]);
  const token = param(query.token, 100) ?? "";
  const link = query.done ? null : await passwordLinkFor({ token });
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("users:setPassword.title")}</h1>
      <PasswordLinkOutcome t={t} done={!!query.done} signInHref="/staff/sign-in">
        {link?.portal === "staff" ? (
          <SetPasswordForm t={t} action={setStaffPassword} token={token} email={link.email} />
        ) : null}
      </PasswordLinkOutcome>
    </div>
  );
}
