import { notFound } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { requireStaff } from "@/lib/auth/session";
import { isAdministrator } from "@/lib/auth/policy";
import { placeTree } from "@/lib/places/queries";
import { SimpleForm } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";
import { savePlaceAction } from "./actions";

export const generateMetadata = staffPageMetadata("notices", "notices:places.title");

/** 区县 → 街道/乡镇 → 社区/村, kept by administrators: add a place or rename one by its code. */
export default async function PlacesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff();
  if (!isAdministrator(actor)) notFound();
  const [t, tree, query] = await Promise.all([
    getT(defaultLocale, ["notices", "errors"]),
    placeTree(),
    searchParams,
  ]);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("notices:places.title")}</h1>
      {query.created || query.renamed ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t(query.created ? "notices:places.created" : "notices:places.renamed", {
            code: query.created ?? query.renamed,
          })}
        </p>
      ) : null}
      <Section id="tree" title={t("notices:places.tree")}>
        <ul className="grid gap-2">
          {tree.map((d) => (
            <li key={d.code}>
              <strong>{d.name}</strong>{" "}
              <span className="text-muted">
                {d.code} · {d.nameEn}
              </span>
              <ul className="ml-6">
                {d.streets.map((s) => (
                  <li key={s.code}>
                    {s.name}{" "}
                    <span className="text-muted">
                      {s.code} · {s.nameEn}
                    </span>
                    <ul className="ml-6">
                      {s.communities.map((c) => (
                        <li key={c.code}>
                          {c.name}{" "}
                          <span className="text-muted">
                            {c.code} · {c.nameEn}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="save-place" title={t("notices:places.save")} className="grid gap-2">
        <p>{t("notices:places.hint")}</p>
        <SimpleForm
          idPrefix="place"
          action={savePlaceAction}
          initialValues={{ rural: "no" }}
          fields={[
            {
              name: "level",
              type: "radio",
              label: t("notices:places.level"),
              options: ["district", "street", "community"].map((value) => ({
                value,
                label: t(`notices:places.levels.${value}`),
              })),
            },
            {
              name: "code",
              type: "text",
              label: t("notices:places.code"),
              hint: t("notices:places.codeHint"),
            },
            { name: "name", type: "text", label: t("notices:places.name") },
            { name: "nameEn", type: "text", label: t("notices:places.nameEn") },
            {
              name: "rural",
              type: "radio",
              label: t("notices:places.rural"),
              options: [
                { value: "no", label: t("notices:places.urban") },
                { value: "yes", label: t("notices:places.ruralYes") },
              ],
            },
          ]}
          submitLabel={t("notices:places.submit")}
          messages={errorMessages(t)}
          errorTitle={t("errors:summaryTitle")}
        />
      </Section>
    </div>
  );
}
