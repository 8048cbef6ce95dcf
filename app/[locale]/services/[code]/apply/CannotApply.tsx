import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";

/** The service is for another kind of applicant: which account it needs, and how to get it. */
export function CannotApply({
  t,
  locale,
  code,
  refusal,
}: {
  t: TFunction;
  locale: string;
  code: string;
  refusal: string;
}) {
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("apply:cannotApplyTitle")}</h1>
      <p>{t(`errors:${refusal}`)}</p>
      {refusal === "assuranceRealName" ? (
        <p>
          {t("apply:reach.realName")}{" "}
          <Link href={`/${locale}/account#identity`}>{t("apply:reach.linkIdentity")}</Link>
        </p>
      ) : null}
      {refusal === "assurancePhone" ? (
        <p>
          {t("apply:reach.phone")}{" "}
          <Link href={`/${locale}/account/mobile`}>{t("apply:reach.verifyMobile")}</Link>
        </p>
      ) : null}
      <p>
        <Link href={`/${locale}/services/${code}`} className="underline">
          {t("apply:backToGuide")}
        </Link>
      </p>
    </div>
  );
}
