import { getT, pageMetadata, type TLocaleProps } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";

export const generateMetadata = pageMetadata("home", "home:accessibility.title");

export default async function AccessibilityPage({ params }: TLocaleProps) {
  const locale = await localeParam(params);
  const [t, settings] = await Promise.all([getT(locale, "home"), getSiteSettings()]);
  return (
    <article className="grid max-w-3xl gap-4">
      <h1 className="text-2xl font-bold">{t("home:accessibility.title")}</h1>
      <p>{t("home:accessibility.intro")}</p>
      <h2 className="text-xl font-bold">{t("home:accessibility.featuresTitle")}</h2>
      <ul className="ml-6 list-disc">
        <li>{t("home:accessibility.noScript")}</li>
        <li>{t("home:accessibility.elder")}</li>
        <li>{t("home:accessibility.keyboard")}</li>
        <li>{t("home:accessibility.languages")}</li>
      </ul>
      <h2 className="text-xl font-bold">{t("home:accessibility.feedbackTitle")}</h2>
      <p>{t("home:accessibility.feedback", { email: settings.email, phone: settings.phone })}</p>
    </article>
  );
}
