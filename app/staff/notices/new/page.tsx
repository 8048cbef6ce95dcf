import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { chinaDateTimeInput } from "@/lib/shared/chinaTime";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { labelledPlaceTree } from "@/lib/places/queries";
import { NoticeForm } from "@/components/notices/NoticeForm";
import { noticeFormProps } from "@/components/notices/noticeFormLabels";
import { createNoticeAction } from "../actions";

export const generateMetadata = staffPageMetadata("notices", "notices:editor.new");

export default async function NewNoticePage() {
  await orNotFound(openStaffArea({ actor: await requireStaff(), area: "newNotice" }));
  const [t, tree] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog", "errors"]),
    labelledPlaceTree({ locale: defaultLocale }),
  ]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:editor.new")}</h1>
      <NoticeForm
        action={createNoticeAction}
        {...noticeFormProps(t)}
        tree={tree}
        messages={errorMessages(t)}
        initialValues={{ publishAt: chinaDateTimeInput(new Date()), source: "" }}
      />
    </div>
  );
}
