import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { chinaDateTimeInput } from "@/lib/shared/chinaTime";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { labelledPlaceTree } from "@/lib/places/queries";
import { NoticeForm } from "@/components/notices/NoticeForm";
import { noticeFormProps } from "@/components/notices/noticeFormLabels";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import type { TSearchParams } from "@/lib/i18n/search-params";

export const generateMetadata = staffPageMetadata("notices", "notices:editor.new");

export default async function NewNoticePage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  await orNotFound(openStaffArea({ actor, area: "newNotice" }));
  const [t, tree] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog", "errors"]),
    labelledPlaceTree({ locale: defaultLocale }),
  ]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:editor.new")}</h1>
      <NoticeForm
        postTo="/api/forms/notice-new"
        returned={await returnedFormState({ actor, id: (await searchParams)[formReturnParam] })}
        {...noticeFormProps(t)}
        tree={tree}
        messages={errorMessages(t, { staff: true })}
        initialValues={{ publishAt: chinaDateTimeInput(new Date()), source: "" }}
      />
    </div>
  );
}
