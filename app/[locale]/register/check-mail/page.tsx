import { pageMetadata, pageT } from "@/lib/i18n/server";
import { PageHeading } from "@/components/ui/PageHeading";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageMetadata("auth", "auth:checkMailTitle");

/** Where every registration ends, new address or not: the mail says which it was. */
export default async function CheckMailPage({ params }: Props) {
  const { t } = await pageT(params, ["auth"]);
  return <PageHeading title={t("auth:checkMailTitle")} intro={t("auth:checkMailBody")} />;
}
