import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { getRetention, getSiteSettings } from "@/lib/settings/queries";
import { retentionFields } from "@/lib/settings/retention";
import { PageHeading } from "@/components/ui/PageHeading";
import { Section } from "@/components/ui/Section";
import { TextList } from "@/components/ui/TextList";

export const generateMetadata = pageMetadata("privacy", "privacy:title");

const kept = ["account", "cases", "requests", "subscriptions", "sessions", "mails", "audit"] as const;

/** The privacy notice 个人信息保护法 Arts. 17 and 30 ask for: what, why, on what basis, how long, which rights, whom to ask. */
export default async function PrivacyPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, "privacy");
  const [settings, retention] = await Promise.all([getSiteSettings(), getRetention()]);
  return (
    <article className="grid max-w-3xl gap-6">
      <PageHeading title={t("privacy:title")} intro={t("privacy:intro")} />
      <Section id="who" title={t("privacy:whoTitle")}>
        <p>{t("privacy:who", { host: lt(locale, settings.host.zh, settings.host.en) })}</p>
      </Section>
      <Section id="what" title={t("privacy:whatTitle")}>
        <TextList items={kept.map((item) => t(`privacy:what.${item}`))} />
      </Section>
      <Section id="basis" title={t("privacy:basisTitle")}>
        <p>{t("privacy:basis")}</p>
      </Section>
      <Section id="retention" title={t("privacy:retentionTitle")}>
        <TextList
          items={[
            ...retentionFields.map((field) => t(`privacy:retention.${field}`, { count: retention[field] })),
            t("privacy:retention.account"),
            t("privacy:retention.records"),
          ]}
        />
      </Section>
      <Section id="rights" title={t("privacy:rightsTitle")}>
        <p>{t("privacy:rights")}</p>
        <p className="mt-2">
          <Link href={`/${locale}/account/data`}>{t("privacy:rightsLink")}</Link>
        </p>
      </Section>
      <Section id="contact" title={t("privacy:contactTitle")}>
        <p>
          {t("privacy:contact", { email: settings.email, phone: settings.phone, hotline: settings.hotline })}
        </p>
      </Section>
    </article>
  );
}
