import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { departmentList } from "@/lib/places/queries";
import { deliveryMethods, requesterTypes } from "@/lib/disclosure/outcomes";
import { SimpleForm } from "@/components/form/SimpleForm";
import { StatusNote } from "@/components/ui/StatusNote";
import { getSessionUser } from "@/lib/auth/session";
import { requestFormDefaults } from "@/lib/disclosure/requestQueries";
import { PageHeading } from "@/components/ui/PageHeading";
import { fileDisclosureRequest } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageMetadata("disclosure", "disclosure:request.title");

/** 依申请公开: the application form; signing in is not needed, and no purpose is asked for. */
export default async function DisclosureRequestPage({ params }: Props) {
  const [{ locale, t }, departments, defaults] = await Promise.all([
    pageT(params, ["disclosure", "errors"]),
    departmentList(),
    // a signed-in citizen's details, from their profile, to check rather than type again
    getSessionUser().then((actor) => requestFormDefaults({ actor })),
  ]);
  return (
    <div className="grid max-w-2xl gap-4">
      <PageHeading title={t("disclosure:request.title")} intro={t("disclosure:request.intro")} />
      {defaults ? <StatusNote>{t("disclosure:prefilledFromProfile")}</StatusNote> : null}
      <SimpleForm
        action={fileDisclosureRequest}
        initialValues={defaults ?? undefined}
        hidden={{ locale }}
        fields={[
          {
            name: "department",
            type: "select",
            label: t("disclosure:request.department"),
            errorName: t("disclosure:requestErrorNames.department"),
            options: departments.map((d) => ({ value: d.code, label: lt(locale, d.name, d.nameEn) })),
          },
          {
            name: "requesterType",
            type: "radio",
            label: t("disclosure:request.requesterType"),
            errorName: t("disclosure:requestErrorNames.requesterType"),
            options: codeOptions(t, "disclosure:requester", requesterTypes),
          },
          {
            name: "requesterName",
            type: "text",
            label: t("disclosure:request.name"),
            errorName: t("disclosure:requestErrorNames.name"),
            autoComplete: "name",
          },
          {
            name: "idNumber",
            type: "text",
            label: t("disclosure:request.idNumber"),
            hint: t("disclosure:request.idNumberHint"),
            autoComplete: "off",
          },
          { name: "phone", type: "text", label: t("disclosure:request.phone"), autoComplete: "tel-national" },
          {
            name: "email",
            type: "email",
            label: t("disclosure:request.email"),
            hint: t("disclosure:request.emailHint"),
            autoComplete: "email",
          },
          {
            name: "address",
            type: "text",
            label: t("disclosure:request.address"),
            hint: t("disclosure:request.addressHint"),
            autoComplete: "street-address",
          },
          {
            name: "description",
            type: "textarea",
            rows: 6,
            label: t("disclosure:request.description"),
            errorName: t("disclosure:requestErrorNames.description"),
            hint: t("disclosure:request.descriptionHint"),
          },
          {
            name: "deliveryMethod",
            type: "radio",
            label: t("disclosure:request.delivery"),
            errorName: t("disclosure:requestErrorNames.delivery"),
            options: codeOptions(t, "disclosure:delivery", deliveryMethods),
          },
        ]}
        submitLabel={t("disclosure:request.submit")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
