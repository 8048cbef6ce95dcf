import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { documentFacets, listDocuments, type TDocumentFilter } from "@/lib/disclosure/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";
import { departmentList } from "@/lib/places/queries";
import { Field, inputClass } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { withQuery } from "@/lib/i18n/paths";
import { LocalText } from "@/components/ui/LocalText";
import { Table } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:catalogueTitle") };
}

export default async function DisclosurePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const departments = await departmentList();
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
  const [t, result, facets] = await Promise.all([
    getT(locale, ["disclosure", "catalog"]),
    listDocuments(filter),
    documentFacets(filter),
  ]);
  const years = [...facets.year.keys()].filter(Boolean).sort((a, b) => b - a);
  // each facet: its values with their labels and how many documents choosing it would give
  const selects: {
    name: string;
    label: string;
    value?: string | number;
    options: [string, string, number?][];
  }[] = [
    {
      name: "category",
      label: t("disclosure:field.category"),
      value: filter.category,
      options: disclosureCategories.map((c) => [c, t(`catalog:category.${c}`), facets.category.get(c)]),
    },
    {
      name: "department",
      label: t("disclosure:field.department"),
      value: filter.department,
      options: departments.map((d) => [
        d.code,
        lt(locale, d.shortName, d.nameEn),
        facets.department.get(d.code),
      ]),
    },
    {
      name: "year",
      label: t("disclosure:year"),
      value: filter.year,
      options: years.map((year) => [String(year), String(year), facets.year.get(year)]),
    },
    {
      name: "docType",
      label: t("disclosure:field.docType"),
      value: filter.docType,
      options: docTypes.map((c) => [c, t(`catalog:docType.${c}`), facets.docType.get(c)]),
    },
  ];

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
      </ul>
      <form
        method="get"
        className="grid items-end gap-4 bg-panel p-4 md:grid-cols-3"
        aria-label={t("filters")}
      >
        <Field id="d-q" label={t("disclosure:keyword")}>
          <input id="d-q" name="q" type="search" defaultValue={filter.q} className={inputClass} />
        </Field>
        {selects.map((select) => (
          <Field key={select.name} id={`d-${select.name}`} label={select.label}>
            <select
              id={`d-${select.name}`}
              name={select.name}
              defaultValue={select.value ?? ""}
              className={inputClass}
            >
              <option value="">{t("all")}</option>
              {select.options.map(([value, label, count]) => (
                <option key={value} value={value}>
                  {t("withCount", { label, count: count ?? 0 })}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Button>{t("applyFilters")}</Button>
      </form>

      <p role="status">{t("disclosure:count", { count: result.total })}</p>
      <Table
        caption={t("disclosure:catalogueTitle")}
        rows={result.items}
        rowKey={(doc) => doc.indexNo}
        columns={[
          {
            key: "title",
            header: t("disclosure:field.title"),
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
          { key: "indexNo", header: t("disclosure:field.indexNo"), cell: (doc) => doc.indexNo, nowrap: true },
          {
            key: "docNumber",
            header: t("disclosure:field.docNumber"),
            cell: (doc) => (doc.docNumber ? lt(locale, doc.docNumber) : "—"),
          },
          {
            key: "publishedAt",
            header: t("disclosure:field.publishedAt"),
            cell: (doc) => formatDate(locale, doc.publishedAt),
            nowrap: true,
          },
        ]}
      />
      <Pagination
        page={result.page}
        pages={result.pages}
        hrefFor={(page) =>
          withQuery(`/${locale}/disclosure`, { ...filter, page: page > 1 ? page : undefined })
        }
        label={t("pagination.label")}
        previous={t("pagination.previous")}
        next={t("pagination.next")}
        status={t("pagination.status", { page: result.page, pages: result.pages })}
      />
    </div>
  );
}
