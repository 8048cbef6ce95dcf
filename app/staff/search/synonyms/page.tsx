import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { listSynonymGroups } from "@/lib/search/queries";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { createSynonymGroup, deleteSynonymGroup, updateSynonymGroup } from "./actions";

export const generateMetadata = staffPageMetadata("search", "search:staff.title");

const searchErrors = ["synonymTooFew", "synonymTooMany", "synonymTermTooLong", "synonymChanged"] as const;

/** Administrators edit the synonym groups search uses (低保 ⇄ 最低生活保障); works without JavaScript. */
export default async function SynonymsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await orNotFound(openStaffArea({ actor: await requireStaff(), area: "synonyms" }));
  const [t, groups] = await Promise.all([getT(defaultLocale, ["search", "errors"]), listSynonymGroups()]);
  const messages = Object.fromEntries(searchErrors.map((key) => [key, t(`search:errors.${key}`)]));
  const done = (await searchParams).done;
  const termsField = field.textarea("terms", t("search:staff.terms"), 2, {
    hint: t("search:staff.termsHint"),
  });
  return (
    <StaffPage
      title={t("search:staff.title")}
      status={done === "saved" || done === "deleted" ? t(`search:staff.${done}`) : null}
      intro={t("search:staff.intro")}
    >
      <FormSection
        id="add"
        idPrefix="new"
        title={t("search:staff.addTitle")}
        staff
        messages={messages}
        action={createSynonymGroup}
        fields={[termsField]}
        submitLabel={t("search:staff.add")}
      />
      {groups.length ? null : <p>{t("search:staff.empty")}</p>}
      {groups.map((group, index) => (
        <section
          key={group.id}
          aria-labelledby={`g-${group.id}`}
          className="grid gap-2 border-t border-line pt-4"
        >
          <h2 id={`g-${group.id}`} className="text-lg font-bold">
            {t("search:staff.group", { n: index + 1 })}: {group.terms.join(t("search:termSeparator"))}
          </h2>
          <TranslatedForm
            action={updateSynonymGroup}
            idPrefix={`g${index}`}
            hidden={{ id: group.id, expectedVersion: String(group.version) }}
            fields={[termsField]}
            initialValues={{ terms: group.terms.join(t("search:termSeparator")) }}
            submitLabel={t("search:staff.save")}
            staff
            messages={messages}
          />
          <TranslatedForm
            action={deleteSynonymGroup}
            idPrefix={`d${index}`}
            hidden={{ id: group.id, expectedVersion: String(group.version) }}
            fields={[]}
            submitLabel={t("search:staff.delete")}
            tone="warning"
            staff
            messages={messages}
          />
        </section>
      ))}
    </StaffPage>
  );
}
