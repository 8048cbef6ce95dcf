import type { ReactNode } from "react";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { codeOptions } from "@/lib/i18n/options";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { placeTree } from "@/lib/places/queries";
import { SimpleForm } from "@/components/form/SimpleForm";
import { field } from "@/components/form/fields";
import { Section } from "@/components/ui/Section";
import { StaffPage } from "@/components/staff/StaffPage";
import { savePlaceAction } from "./actions";

export const generateMetadata = staffPageMetadata("notices", "notices:places.title");

type TPlace = { code: string; name: string; nameEn: string };

/** One place of the tree with its code and English name; the places under it, if any, nested. */
function PlaceItem({ place, strong, children }: { place: TPlace; strong?: boolean; children?: ReactNode }) {
  return (
    <li>
      {strong ? <strong>{place.name}</strong> : place.name}{" "}
      <span className="text-muted">
        {place.code} · {place.nameEn}
      </span>
      {children ? <ul className="ml-6">{children}</ul> : null}
    </li>
  );
}

/** 区县 → 街道/乡镇 → 社区/村, kept by administrators: add a place or rename one by its code. */
export default async function PlacesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await orNotFound(openStaffArea({ actor: await requireStaff(), area: "places" }));
  const [t, tree, query] = await Promise.all([
    getT(defaultLocale, ["notices", "errors"]),
    placeTree(),
    searchParams,
  ]);
  const label = (key: string, values: Record<string, unknown> = {}) => t(`notices:places.${key}`, values);
  return (
    <StaffPage
      title={label("title")}
      status={
        query.created || query.renamed
          ? label(query.created ? "created" : "renamed", { code: query.created ?? query.renamed })
          : null
      }
    >
      <Section id="tree" title={t("notices:places.tree")}>
        <ul className="grid gap-2">
          {tree.map((d) => (
            <PlaceItem key={d.code} place={d} strong>
              {d.streets.map((s) => (
                <PlaceItem key={s.code} place={s}>
                  {s.communities.map((c) => (
                    <PlaceItem key={c.code} place={c} />
                  ))}
                </PlaceItem>
              ))}
            </PlaceItem>
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
            field.radio(
              "level",
              label("level"),
              codeOptions(t, "notices:places.levels", ["district", "street", "community"]),
            ),
            { name: "code", type: "text", label: label("code"), hint: label("codeHint") },
            { name: "name", type: "text", label: label("name") },
            { name: "nameEn", type: "text", label: label("nameEn") },
            field.radio("rural", label("rural"), [
              { value: "no", label: label("urban") },
              { value: "yes", label: label("ruralYes") },
            ]),
          ]}
          submitLabel={t("notices:places.submit")}
          messages={errorMessages(t, { staff: true })}
          errorTitle={t("errors:summaryTitle")}
        />
      </Section>
    </StaffPage>
  );
}
