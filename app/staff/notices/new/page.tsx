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
import { renderMarkdown } from "@/lib/content/markdown";
import { previewNoticeBody } from "../actions";

export const generateMetadata = staffPageMetadata("notices", "notices:editor.new");

export default async function NewNoticePage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  await orNotFound(openStaffArea({ actor, area: "newNotice" }));
  const query = await searchParams;
  const [t, tree, returned] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog", "errors"]),
    labelledPlaceTree({ locale: defaultLocale }),
    returnedFormState({ actor, id: query[formReturnParam] }),
  ]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:editor.new")}</h1>
      {returned?.ok && query.preview ? (
        <p role="status" data-outcome="done" className="border-l-4 border-brand pl-3">
          {t("notices:editor.previewShown")}
        </p>
      ) : null}
      <NoticeForm
        postTo="/api/forms/notice-new"
        returned={returned}
        previewHtml={renderMarkdown(returned?.values.body ?? "", { topLevel: 3 })}
        renderPreview={previewNoticeBody}
        {...noticeFormProps(t)}
        tree={tree}
        messages={errorMessages(t, { staff: true })}
        initialValues={{ publishAt: chinaDateTimeInput(new Date()).slice(0, 16), source: "" }}
      />
    </div>
  );
}
