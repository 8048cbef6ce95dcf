import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = pageMetadata("common", "footer.contact");

export default async function ContactPage({ params }: Props) {
  const locale = await localeParam(params);
  const [t, settings, departments] = await Promise.all([
    getT(locale, "home"),
    getSiteSettings(),
    departmentList(),
  ]);
  return (
    <article className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("footer.contact")}</h1>
      <dl className="grid grid-cols-[10rem_1fr] gap-2">
        <dt className="font-bold">{t("footer.host")}</dt>
        <dd>
          <LocalText locale={locale} zh={settings.host.zh} en={settings.host.en} />
        </dd>
        <dt className="font-bold">{t("footer.address")}</dt>
        <dd>
          <LocalText locale={locale} zh={settings.address.zh} en={settings.address.en} /> ({settings.postcode}
          )
        </dd>
        <dt className="font-bold">{t("footer.phone")}</dt>
        <dd>{settings.phone}</dd>
        <dt className="font-bold">{t("footer.hotline")}</dt>
        <dd>{settings.hotline}</dd>
        <dt className="font-bold">{t("footer.email")}</dt>
        <dd>
          <a href={`mailto:${settings.email}`}>{settings.email}</a>
        </dd>
      </dl>
      <h2 className="text-xl font-bold">{t("home:departments")}</h2>
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="bg-panel">
            <th scope="col" className="border border-line p-2">
              {t("home:department")}
            </th>
            <th scope="col" className="border border-line p-2">
              {t("footer.phone")}
            </th>
            <th scope="col" className="border border-line p-2">
              {t("footer.address")}
            </th>
            <th scope="col" className="border border-line p-2">
              {t("home:hours")}
            </th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.code}>
              <th scope="row" className="border border-line p-2 font-normal">
                <LocalText locale={locale} zh={d.name} en={d.nameEn} />
              </th>
              <td className="border border-line p-2">{d.phone}</td>
              <td className="border border-line p-2">
                <LocalText locale={locale} zh={d.address} />
              </td>
              <td className="border border-line p-2">
                <LocalText locale={locale} zh={d.hours} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
