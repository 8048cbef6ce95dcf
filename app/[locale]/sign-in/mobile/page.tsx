import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { normaliseMobile } from "@/lib/sms/templates";
import { MobileCodeForms } from "@/components/form/MobileCodeForms";
import { field } from "@/components/form/fields";
import { PageHeading } from "@/components/ui/PageHeading";
import { StatusNote } from "@/components/ui/StatusNote";
import { askSignInCode, signInByCode } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("sms", "sms:signIn.title");

/** Sign-in (and registration) with a mobile number and a texted code; works without JavaScript. */
export default async function MobileSignInPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["sms", "auth", "errors"]);
  const query = await searchParams;
  const returnTo = safeRedirectPath(param(query.returnTo, 500), `/${locale}/account`);
  if (isCitizen(await getSessionUser())) redirect(returnTo);
  const mobile = normaliseMobile(param(query.m, 30) ?? "") ?? "";
  const sent = !!param(query.sent, 1) && !!mobile;
  return (
    <div className="grid gap-6">
      <PageHeading title={t("sms:signIn.title")} intro={t("sms:signIn.intro")} />
      {sent ? <StatusNote>{t("sms:signIn.sent", { mobile })}</StatusNote> : null}
      <MobileCodeForms
        purpose="signIn"
        actions={[askSignInCode, signInByCode]}
        hidden={{ locale, returnTo }}
        typed={{ mobile, sent }}
        more={[field.text("name", t("sms:signIn.name"), "name", { hint: t("sms:signIn.nameHint") })]}
      />
      <p>
        <Link href={`/${locale}/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>
          {t("auth:signInTitle")}
        </Link>
      </p>
    </div>
  );
}
