import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { portalPageLinks } from "@/components/layout/portalPages";

export const generateMetadata = pageMetadata("common", "footer.siteMap");

/** 网站地图: every section of the portal on one page. */
export default async function SiteMapPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["catalog", "account", "auth", "result"]);
  const sections: [string, [string, string][]][] = [
    [
      t("nav.services"),
      [
        [`/${locale}/services?audience=PERSON`, t("catalog:audience.PERSON")],
        [`/${locale}/services?audience=LEGAL_PERSON`, t("catalog:audience.LEGAL_PERSON")],
        [`/${locale}/track`, t("nav.track")],
        [`/${locale}/verify`, t("result:verifyTitle")],
      ],
    ],
    [t("nav.disclosure"), [[`/${locale}/disclosure`, t("nav.disclosure")]]],
    [t("nav.notices"), [[`/${locale}/notices`, t("nav.notices")]]],
    [
      t("nav.interaction"),
      [
        [`/${locale}/letters`, t("nav.letters")],
        [`/${locale}/consultations`, t("nav.consultations")],
      ],
    ],
    [
      t("account.signIn"),
      [
        [`/${locale}/sign-in`, t("account.signIn")],
        [`/${locale}/register`, t("account.register")],
        [`/${locale}/account`, t("account:title")],
      ],
    ],
    [t("footer.links"), [[`/${locale}/search`, t("search")], ...portalPageLinks(locale, t)]],
  ];
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("footer.siteMap")}</h1>
      {sections.map(([title, links]) => (
        <section key={title}>
          <h2 className="mb-2 text-xl font-bold">{title}</h2>
          <ul className="ml-6 list-disc">
            {links.map(([href, label]) => (
              <li key={href}>
                <Link href={href}>{label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
