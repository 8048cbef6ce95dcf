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
  const withCount = (label: string, count: number | undefined) =>
    t("withCount", { label, count: count ?? 0 });

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
        <Field id="d-category" label={t("disclosure:field.category")}>
          <select id="d-category" name="category" defaultValue={filter.category ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {disclosureCategories.map((code) => (
              <option key={code} value={code}>
                {withCount(t(`catalog:category.${code}`), facets.category.get(code))}
              </option>
            ))}
          </select>
        </Field>
        <Field id="d-department" label={t("disclosure:field.department")}>
          <select
            id="d-department"
            name="department"
            defaultValue={filter.department ?? ""}
            className={inputClass}
          >
            <option value="">{t("all")}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {withCount(lt(locale, d.shortName, d.nameEn), facets.department.get(d.code))}
              </option>
            ))}
          </select>
        </Field>
        <Field id="d-year" label={t("disclosure:year")}>
          <select
            id="d-year"
            name="year"
            defaultValue={filter.year ? String(filter.year) : ""}
            className={inputClass}
          >
            <option value="">{t("all")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {withCount(String(year), facets.year.get(year))}
              </option>
            ))}
          </select>
        </Field>
        <Field id="d-type" label={t("disclosure:field.docType")}>
          <select id="d-type" name="docType" defaultValue={filter.docType ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {docTypes.map((code) => (
              <option key={code} value={code}>
                {withCount(t(`catalog:docType.${code}`), facets.docType.get(code))}
              </option>
            ))}
          </select>
        </Field>
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
