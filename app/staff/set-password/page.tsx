import Link from "next/link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { passwordLinkFor } from "@/lib/users/passwordLinks";
import { accountFormMessages } from "@/lib/users/messages";
import { SetPasswordForm } from "@/components/account/SetPasswordForm";
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
      {query.done ? (
        <>
          <p role="status" className="border-l-4 border-brand pl-3">
            {t("users:setPassword.done")}
          </p>
          <p>
            <Link href="/staff/sign-in">{t("users:setPassword.signIn")}</Link>
          </p>
        </>
      ) : link && link.portal === "staff" ? (
        <SetPasswordForm
          t={t}
          action={setStaffPassword}
          token={token}
          email={link.email}
          messages={accountFormMessages(t)}
        />
      ) : (
        <p role="alert" className="border-l-4 border-brand pl-3 font-bold">
          {t("users:setPassword.invalid")}
        </p>
      )}
    </div>
  );
}
