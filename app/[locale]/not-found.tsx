import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { currentPath } from "@/lib/i18n/request";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";

export default async function NotFound() {
  const segment = (await currentPath("/")).split("/")[1];
  const locale = isLocale(segment) ? segment : defaultLocale;
  const t = await getT(locale);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href={`/${locale}`}>{t("notFound.home")}</Link>
      </p>
    </div>
  );
}
