import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT, type TLocaleProps } from "@/lib/i18n/server";
import { publicConsultations } from "@/lib/consultations/queries";
import { daysLeft } from "@/lib/consultations/rules";
import { formatDate } from "@/lib/i18n/format";
import { PageHeading } from "@/components/ui/PageHeading";
import { Section } from "@/components/ui/Section";
import { LocalText } from "@/components/ui/LocalText";
import { periodText } from "@/components/consultations/periodText";

export const generateMetadata = pageMetadata("consultations", "consultations:listTitle");

/** 意见征集: the drafts open for comment (soonest closing first, with the days left), then the closed ones. */
export default async function ConsultationsPage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["consultations"]);
  const now = new Date();
  const { open, closed } = await publicConsultations({ now });
  type TRow = (typeof open)[number];
  const item = (c: TRow, isOpen: boolean) => (
    <li key={c.id} className="grid gap-1 border border-line p-4">
      <h3 className="text-lg font-bold">
        <Link href={`/${locale}/consultations/${c.id}`}>
          <LocalText locale={locale} zh={c.title} />
        </Link>
      </h3>
      <p className="flex flex-wrap gap-x-4 text-sm text-muted">
        <span>{t(`consultations:kind.${c.kind}`)}</span>
        <LocalText locale={locale} zh={c.department.name} en={c.department.nameEn} />
        <span>{periodText(t, locale, c)}</span>
      </p>
      <p className="font-bold">
        {isOpen
          ? c.opensAt > now
            ? t("consultations:opensOn", { date: formatDate(locale, c.opensAt) })
            : t("consultations:daysLeft", { count: daysLeft(c.closesAt, now) })
          : t(`consultations:state.${c.status === "FEEDBACK_PUBLISHED" ? "FEEDBACK_PUBLISHED" : "CLOSED"}`)}
      </p>
    </li>
  );
  return (
    <div className="grid gap-6">
      <PageHeading title={t("consultations:listTitle")} intro={t("consultations:listIntro")} />
      <Section id="open" title={t("consultations:openHeading")}>
        {open.length ? (
          <ul className="grid gap-3">{open.map((c) => item(c, true))}</ul>
        ) : (
          <p>{t("consultations:noneOpen")}</p>
        )}
      </Section>
      <Section id="closed" title={t("consultations:closedHeading")}>
        {closed.length ? (
          <ul className="grid gap-3">{closed.map((c) => item(c, false))}</ul>
        ) : (
          <p>{t("consultations:noneClosed")}</p>
        )}
      </Section>
    </div>
  );
}
