import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { errorMessages } from "@/lib/i18n/messages";
import { SimpleForm } from "@/components/form/SimpleForm";
import { registerAccount } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "auth");
  return { title: t("auth:registerTitle") };
}

export default async function RegisterPage({ params }: Props) {
  const locale = await localeParam(params);
  const t = await getT(locale, ["auth", "errors", "catalog"]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("auth:registerTitle")}</h1>
      <p>{t("auth:registerIntro")}</p>
      <SimpleForm
        action={registerAccount}
        hidden={{ locale }}
        fields={[
          {
            name: "accountType",
            type: "radio",
            label: t("auth:accountType"),
            options: [
              { value: "PERSON", label: t("auth:accountTypePerson") },
              { value: "ORGANISATION", label: t("auth:accountTypeOrganisation") },
            ],
          },
          {
            name: "name",
            type: "text",
            label: t("auth:name"),
            hint: t("auth:nameHint"),
            autoComplete: "name",
          },
          { name: "email", type: "email", label: t("auth:email"), autoComplete: "email" },
          {
            name: "password",
            type: "password",
            label: t("auth:password"),
            hint: t("auth:passwordHint"),
            autoComplete: "new-password",
          },
          { name: "confirm", type: "password", label: t("auth:confirm"), autoComplete: "new-password" },
        ]}
        submitLabel={t("auth:register")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
      <p>
        {t("auth:haveAccount")} <Link href={`/${locale}/sign-in`}>{t("auth:signInLink")}</Link>
      </p>
    </div>
  );
}
