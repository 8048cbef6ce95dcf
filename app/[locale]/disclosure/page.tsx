import { Link } from "@/components/ui/Link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { documentFacets, listDocuments, type TDocumentFilter } from "@/lib/disclosure/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";
import { departmentList } from "@/lib/places/queries";
import { FilterForm, FilterSearch, type TFilter } from "@/components/ui/Filters";
import { Pagination } from "@/components/ui/Pagination";
import { withQuery } from "@/lib/i18n/paths";
import { LocalText } from "@/components/ui/LocalText";
import { Table } from "@/components/ui/Table";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("disclosure", "disclosure:catalogueTitle");

export default async function DisclosurePage({ params, searchParams }: Props) {
  const [{ locale, t }, query, departments] = await Promise.all([
    pageT(params, ["disclosure", "catalog"]),
    searchParams,
    departmentList({ issuers: true }),
  ]);
  const filter: TDocumentFilter = {
    q: param(query.q),
    category: enumParam(query.category, disclosureCategories),
    department: enumParam(
      query.department,
      departments.map((d) => d.code),
    ),
    year: intParam(query.year),
    docType: enumParam(query.docType, docTypes),
    page: intParam(query.page),
  };
  const [result, facets] = await Promise.all([listDocuments(filter), documentFacets(filter)]);
  const years = [...facets.year.keys()].filter(Boolean).sort((a, b) => b - a);
  // each facet: its values with their labels and how many documents choosing it would give
  const option = (value: string | number, label: string, count: number | undefined) => ({
    value: String(value),
    label: t("withCount", { label, count: count ?? 0 }),
  });
  const filters: TFilter[] = [
    {
      name: "category",
      label: t("disclosure:field.category"),
      value: filter.category,
      options: disclosureCategories.map((c) => option(c, t(`catalog:category.${c}`), facets.category.get(c))),
    },
    {
      name: "department",
      label: t("disclosure:field.department"),
      value: filter.department,
      options: departments.map((d) =>
        option(d.code, lt(locale, d.shortName, d.nameEn), facets.department.get(d.code)),
      ),
    },
    {
      name: "year",
      label: t("disclosure:year"),
      value: filter.year,
      options: years.map((year) => option(year, String(year), facets.year.get(year))),
    },
    {
      name: "docType",
      label: t("disclosure:field.docType"),
      value: filter.docType,
      options: docTypes.map((c) => option(c, t(`catalog:docType.${c}`), facets.docType.get(c))),
    },
  ];

  const reportYear = new Date().getFullYear() - 1;
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("disclosure:catalogueTitle")}</h1>
      <ul className="flex flex-wrap gap-x-6">
        <li>
          <Link href={`/${locale}/disclosure/guide`}>{t("disclosure:guide.title")}</Link>
        </li>
        <li>
          <Link href={`/${locale}/disclosure/request`}>{t("disclosure:request.title")}</Link>
        </li>
        <li>
          {/* last year's: 条例 Art. 49 has departments publish it by 31 January, the city by 31 March */}
          <Link href={`/${locale}/disclosure/annual-report/${reportYear}`}>
            {t("disclosure:report.title", { year: reportYear })}
          </Link>
        </li>
      </ul>
      <FilterForm t={t} cols={3} idPrefix="d" filters={filters} searched={!!filter.q}>
        <FilterSearch id="d-q" label={t("disclosure:keyword")} value={filter.q} />
      </FilterForm>

      <p role="status">{t("disclosure:count", { count: result.total })}</p>
      <Table
        caption={t("disclosure:catalogueTitle")}
        rows={result.items}
        rowKey={(doc) => doc.indexNo}
        headers={(key) => t(`disclosure:field.${key}`)}
        columns={[
          {
            key: "title",
            cell: (doc) => (
              <>
                <Link href={`/${locale}/disclosure/${doc.indexNo}`}>
                  <LocalText locale={locale} zh={doc.title} en={doc.titleEn} />
                </Link>
                {doc.validity !== "VALID" ? (
                  <strong className="ml-2 text-brand">
                    {t("tag", { label: t(`catalog:validity.${doc.validity}`) })}
                  </strong>
                ) : null}
              </>
            ),
          },
          { key: "indexNo", cell: (doc) => doc.indexNo, nowrap: true },
          {
            key: "docNumber",
            cell: (doc) => (doc.docNumber ? <LocalText locale={locale} zh={doc.docNumber} /> : "—"),
          },
          { key: "publishedAt", cell: (doc) => formatDate(locale, doc.publishedAt), nowrap: true },
        ]}
      />
      <Pagination
        t={t}
        page={result.page}
        pages={result.pages}
        hrefFor={(page) =>
          withQuery(`/${locale}/disclosure`, { ...filter, page: page > 1 ? page : undefined })
        }
      />
    </div>
  );
}
