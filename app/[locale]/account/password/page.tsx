import { pageMetadata, pageT } from "@/lib/i18n/server";
import { intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { AccountFrame } from "@/components/ui/PageFrame";
import { changeCitizenPassword } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("account", "account:password.title");

/** The citizen changes their password; their other sessions end at once. */
export default async function PasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["account", "auth", "errors"]);
  await requireCitizen(locale, `/${locale}/account/password`);
  const changed = param((await searchParams).changed, 4);
  return (
    <AccountFrame
      title={t("account:password.title")}
      intro={t("account:password.intro")}
      status={changed !== undefined ? t("account:password.changed", { count: intParam(changed) ?? 0 }) : null}
    >
      <ChangePasswordForm t={t} action={changeCitizenPassword} locale={locale} />
    </AccountFrame>
  );
}
