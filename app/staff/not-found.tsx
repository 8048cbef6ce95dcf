import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";

export default async function StaffNotFound() {
  const t = await getT(defaultLocale, "staff");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/staff">{t("staff:nav.queue")}</Link>
      </p>
    </div>
  );
}
