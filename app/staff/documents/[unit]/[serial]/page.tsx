import type { ComponentProps, ReactNode } from "react";
import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, isoDay } from "@/lib/i18n/format";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { documentForEdit } from "@/lib/disclosure/queries";
import { SimpleForm } from "@/components/form/SimpleForm";
import { documentFields } from "@/components/disclosure/documentFields";
import { changeValidityAction, setInterpretationAction, updateDocumentAction } from "../../actions";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";

type Props = {
  params: Promise<{ unit: string; serial: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { unit, serial } = await params;
  return { title: `${unit}/${serial}` };
}

const day = (value: Date | null) => isoDay(value) ?? "";

/** Edit a document (its 索引号 never changes), mark it 失效 or 废止, and read its revisions. */
export default async function EditDocumentPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const { unit, serial } = await params;
  const doc = await orNotFound(documentForEdit({ actor, indexNo: `${unit}/${serial}` }));
  const t = await getT(defaultLocale, ["disclosure", "catalog", "errors"]);
  // both forms name the document and the version the editor saw
  const form = {
    hidden: { indexNo: doc.indexNo, expectedVersion: String(doc.version) },
    submitLabel: t("disclosure:editor.save"),
    messages: errorMessages(t, { staff: true }),
    errorTitle: t("errors:summaryTitle"),
  };
  // each form in its own titled section, its field ids prefixed by the section's id unless given
  const formSection = (
    id: string,
    title: string,
    own: Pick<ComponentProps<typeof SimpleForm>, "action" | "fields" | "initialValues" | "idPrefix">,
    after?: ReactNode,
  ) => (
    <Section id={id} title={title} className="grid gap-2">
      <SimpleForm idPrefix={id} {...form} {...own} />
      {after}
    </Section>
  );
  const values = {
    title: doc.title,
    titleEn: doc.titleEn ?? "",
    category: doc.category,
    docType: doc.docType,
    docNumber: doc.docNumber ?? "",
    keywords: doc.keywords,
    writtenOn: day(doc.writtenOn),
    madeOn: day(doc.madeOn),
    source: doc.source,
    summary: doc.summary,
    body: doc.body,
  };
  return (
    <StaffPage
      back={{ href: "/staff/documents", label: t("disclosure:editor.title"), nav: t("breadcrumb") }}
      title={`${doc.indexNo} · ${doc.title}`}
      status={(await searchParams).done ? t("disclosure:editor.saved", { version: doc.version }) : null}
    >
      <p>
        <Link href={`/zh-Hans/disclosure/${doc.indexNo}`}>{t("disclosure:editor.view")}</Link>
      </p>
      {formSection("edit", t("disclosure:editor.edit"), {
        idPrefix: "doc",
        action: updateDocumentAction,
        fields: documentFields(t),
        initialValues: values,
      })}
      {formSection("validity", t("disclosure:field.validity"), {
        action: changeValidityAction,
        initialValues: { validity: doc.validity, validityFrom: day(doc.validityFrom) },
        fields: [
          {
            name: "validity",
            type: "radio",
            label: t("disclosure:field.validity"),
            options: ["VALID", "EXPIRED", "REPEALED"].map((v) => ({
              value: v,
              label: t(`catalog:validity.${v}`),
            })),
          },
          {
            name: "validityFrom",
            type: "text",
            label: t("disclosure:editor.validityFrom"),
            hint: t("disclosure:editor.dateHint"),
          },
        ],
      })}
      {formSection(
        "interpretation",
        t("disclosure:editor.interpretation"),
        {
          action: setInterpretationAction,
          initialValues: { interprets: doc.interprets?.indexNo ?? "" },
          fields: [
            {
              name: "interprets",
              type: "text",
              label: t("disclosure:editor.interprets"),
              hint: t("disclosure:editor.interpretsHint"),
            },
          ],
        },
        doc.interpretations.length ? (
          <>
            <p>{t("disclosure:editor.interpretedBy")}</p>
            <ul className="ml-6 list-disc">
              {doc.interpretations.map((d) => (
                <li key={d.indexNo}>
                  <Link href={`/staff/documents/${d.indexNo}`}>{`${d.indexNo} · ${d.title}`}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-muted">{t("disclosure:editor.notInterpreted")}</p>
        ),
      )}
      <Section id="revisions" title={t("disclosure:editor.revisions")}>
        <ol className="ml-6 list-disc">
          {doc.revisions.map((r) => (
            <li key={r.id}>
              {t("disclosure:editor.revision", {
                version: r.version,
                name: r.editor?.name ?? "",
                date: formatDate(defaultLocale, r.createdAt),
              })}
            </li>
          ))}
        </ol>
      </Section>
    </StaffPage>
  );
}
