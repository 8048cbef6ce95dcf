import Link from "next/link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { changeCitizenPassword } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("account", "account:password.title");

/** The citizen changes their password; their other sessions end at once. */
export default async function PasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["account", "auth", "errors"]);
  await requireCitizen(locale, `/${locale}/account/password`);
  const changed = param((await searchParams).changed, 4);
  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/account`}>{t("account:title")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("account:password.title")}</h1>
      {changed !== undefined ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:password.changed", { count: intParam(changed) ?? 0 })}
        </p>
      ) : null}
      <p className="max-w-2xl">{t("account:password.intro")}</p>
      <ChangePasswordForm t={t} action={changeCitizenPassword} locale={locale} />
    </div>
  );
}
