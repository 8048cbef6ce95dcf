import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { codeOptions } from "@/lib/i18n/options";
import { departmentList } from "@/lib/places/queries";
import { deliveryMethods, requesterTypes } from "@/lib/disclosure/outcomes";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { field } from "@/components/form/fields";
import { StatusNote } from "@/components/ui/StatusNote";
import { getSessionUser } from "@/lib/auth/session";
import { requestFormDefaults } from "@/lib/disclosure/requestQueries";
import { PageHeading } from "@/components/ui/PageHeading";
import { fileDisclosureRequest } from "./actions";

export const generateMetadata = pageMetadata("disclosure", "disclosure:request.title");

/** 依申请公开: the application form; signing in is not needed, and no purpose is asked for. */
export default async function DisclosureRequestPage({ params }: TLocaleProps) {
  const [{ locale, t }, departments, defaults] = await Promise.all([
    pageT(params, ["disclosure", "errors"]),
    departmentList(),
    // a signed-in citizen's details, from their profile, to check rather than type again
    getSessionUser().then((actor) => requestFormDefaults({ actor })),
  ]);
  const departmentOptions = departments.map((d) => ({ value: d.code, label: lt(locale, d.name, d.nameEn) }));
  const requesterOptions = codeOptions(t, "disclosure:requester", requesterTypes);
  const deliveryOptions = codeOptions(t, "disclosure:delivery", deliveryMethods);
  return (
    <div className="grid max-w-2xl gap-4">
      <PageHeading title={t("disclosure:request.title")} intro={t("disclosure:request.intro")} />
      {defaults ? <StatusNote>{t("disclosure:prefilledFromProfile")}</StatusNote> : null}
      <TranslatedForm
        action={fileDisclosureRequest}
        initialValues={defaults ?? undefined}
        hidden={{ locale }}
        fields={[
          field.select("department", t("disclosure:request.department"), departmentOptions, {
            errorName: t("disclosure:requestErrorNames.department"),
          }),
          field.radio("requesterType", t("disclosure:request.requesterType"), requesterOptions, {
            errorName: t("disclosure:requestErrorNames.requesterType"),
          }),
          field.text("requesterName", t("disclosure:request.name"), "name", {
            errorName: t("disclosure:requestErrorNames.name"),
          }),
          field.text("idNumber", t("disclosure:request.idNumber"), "off", {
            hint: t("disclosure:request.idNumberHint"),
          }),
          field.text("phone", t("disclosure:request.phone"), "tel-national"),
          field.email("email", t("disclosure:request.email"), "email", {
            hint: t("disclosure:request.emailHint"),
          }),
          field.text("address", t("disclosure:request.address"), "street-address", {
            hint: t("disclosure:request.addressHint"),
          }),
          field.textarea("description", t("disclosure:request.description"), 6, {
            errorName: t("disclosure:requestErrorNames.description"),
            hint: t("disclosure:request.descriptionHint"),
          }),
          field.radio("deliveryMethod", t("disclosure:request.delivery"), deliveryOptions, {
            errorName: t("disclosure:requestErrorNames.delivery"),
          }),
        ]}
        submitLabel={t("disclosure:request.submit")}
      />
    </div>
  );
}
