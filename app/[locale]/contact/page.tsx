import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { LocalText } from "@/components/ui/LocalText";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { DepartmentTable } from "@/components/places/DepartmentTable";

export const generateMetadata = pageMetadata("common", "footer.contact");

export default async function ContactPage({ params }: TLocaleProps) {
  const [{ locale, t }, settings, departments] = await Promise.all([
    pageT(params, "home"),
    getSiteSettings(),
    departmentList(),
  ]);
  return (
    <article className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("footer.contact")}</h1>
      <DefinitionList
        items={[
          [
            t("footer.host"),
            <LocalText key="host" locale={locale} zh={settings.host.zh} en={settings.host.en} />,
          ],
          [
            t("footer.address"),
            <>
              <LocalText locale={locale} zh={settings.address.zh} en={settings.address.en} /> (
              {settings.postcode})
            </>,
          ],
          [t("footer.phone"), settings.phone],
          [t("footer.hotline"), settings.hotline],
          [
            t("footer.email"),
            <a key="email" href={`mailto:${settings.email}`}>
              {settings.email}
            </a>,
          ],
        ]}
      />
      <h2 className="text-xl font-bold">{t("home:departments")}</h2>
      <DepartmentTable locale={locale} t={t} departments={departments} />
    </article>
  );
}
