import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { SimpleForm } from "@/components/form/SimpleForm";
import { signInStaff } from "../actions";

export const generateMetadata = staffPageMetadata("staff", "staff:signInTitle");

export default async function StaffSignInPage() {
  if (isStaff(await getSessionUser())) redirect("/staff");
  const t = await getT(defaultLocale, ["staff", "auth", "errors"]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("staff:signInTitle")}</h1>
      <SimpleForm
        action={signInStaff}
        fields={[
          { name: "email", type: "email", label: t("auth:email"), autoComplete: "username" },
          { name: "password", type: "password", label: t("auth:password"), autoComplete: "current-password" },
        ]}
        submitLabel={t("auth:signIn")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
