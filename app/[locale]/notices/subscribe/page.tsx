import { Link } from "@/components/ui/Link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { codeOptions } from "@/lib/i18n/options";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { placeTree } from "@/lib/places/queries";
import { noticeCategories } from "@/lib/notices/categories";
import { getSessionUser } from "@/lib/auth/session";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { field } from "@/components/form/fields";
import { subscribeAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("notices", "notices:subscribe.title");

/** Subscribe by e-mail to one community's (or all) notices of one category (or all); double opt-in. */
export default async function SubscribePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const [t, tree, query, user] = await Promise.all([
    getT(locale, ["notices", "catalog", "errors"]),
    placeTree(),
    searchParams,
    getSessionUser(),
  ]);
  const communities = tree.flatMap((d) =>
    d.streets.flatMap((s) =>
      s.communities.map((c) => ({
        value: c.code,
        label: `${lt(locale, d.name, d.nameEn)} · ${lt(locale, s.name, s.nameEn)} · ${lt(locale, c.name, c.nameEn)}`,
      })),
    ),
  );
  const categories = codeOptions(t, "catalog:noticeCategory", noticeCategories);
  if (query.sent) {
    return (
      <div className="grid gap-4">
        <h1 className="text-2xl font-bold">{t("notices:subscribe.sentTitle")}</h1>
        <p role="status">{t("notices:subscribe.sent")}</p>
        <p>
          <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("notices:subscribe.title")}</h1>
      <p>{t("notices:subscribe.intro")}</p>
      <TranslatedForm
        action={subscribeAction}
        hidden={{ locale }}
        initialValues={{
          email: user?.email ?? "",
          community:
            enumParam(
              query.community,
              communities.map((c) => c.value),
            ) ?? "",
          category: enumParam(query.category, noticeCategories) ?? "",
        }}
        fields={[
          field.email("email", t("notices:subscribe.email"), "email"),
          field.select("community", t("notices:community"), communities, {
            emptyOption: t("notices:subscribe.allCommunities"),
          }),
          field.select("category", t("notices:category"), categories, {
            emptyOption: t("notices:subscribe.allCategories"),
          }),
        ]}
        submitLabel={t("notices:subscribe.submit")}
      />
      <p className="text-sm text-muted">{t("notices:subscribe.privacy")}</p>
    </div>
  );
}
