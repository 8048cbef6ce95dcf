import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { pendingRegistration } from "@/lib/users/registerCitizen";
import { PageHeading } from "@/components/ui/PageHeading";
import { Button } from "@/components/ui/Button";
import { confirmRegistrationAction } from "../actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("auth", "auth:confirmTitle");

/** The link in the confirmation mail lands here; the button confirms (a mail scanner only follows links). */
export default async function ConfirmRegistrationPage({ params, searchParams }: Props) {
  const [{ locale, t }, query] = await Promise.all([pageT(params, ["auth"]), searchParams]);
  const token = param(query.token, 100) ?? "";
  const pending = query.invalid ? null : await pendingRegistration({ token });
  return (
    <div className="grid gap-4">
      <PageHeading title={t("auth:confirmTitle")} />
      {pending ? (
        <form action={confirmRegistrationAction} className="grid gap-3">
          <p>{t("auth:confirmQuestion", { email: pending.email })}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <Button className="justify-self-start">{t("auth:confirmSubmit")}</Button>
        </form>
      ) : (
        <>
          <p role="alert" className="border-l-4 border-brand pl-3 font-bold">
            {t("auth:confirmInvalid")}
          </p>
          <p>
            <Link href={`/${locale}/register`}>{t("auth:registerTitle")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
