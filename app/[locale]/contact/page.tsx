import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";
import { departmentList } from "@/lib/places/queries";
import { LocalText } from "@/components/ui/LocalText";
import { Table } from "@/components/ui/Table";

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
      <Table
        rows={departments}
        rowKey={(d) => d.code}
        columns={[
          {
            key: "name",
            header: t("home:department"),
            cell: (d) => <LocalText locale={locale} zh={d.name} en={d.nameEn} />,
          },
          { key: "phone", header: t("footer.phone"), nowrap: true, cell: (d) => d.phone },
          {
            key: "address",
            header: t("footer.address"),
            cell: (d) => <LocalText locale={locale} zh={d.address} />,
          },
          { key: "hours", header: t("home:hours"), cell: (d) => <LocalText locale={locale} zh={d.hours} /> },
        ]}
      />
    </article>
  );
}
