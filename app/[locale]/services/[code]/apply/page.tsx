import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { loadApplication } from "@/lib/cases/drafts";
import { stepTitles } from "@/lib/services/formView";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { applyingForStepId } from "@/lib/cases/applyingFor";
import { ProgressSteps } from "@/components/form/ProgressSteps";
import type { TApplyView } from "./applyView";
import { CannotApply } from "./CannotApply";
import { ApplyingForStep } from "./ApplyingForStep";
import { ServiceStep } from "./ServiceStep";
import { CheckAnswers } from "./CheckAnswers";

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("apply", "apply:pageTitle");

async function load(actor: Parameters<typeof loadApplication>[0]["actor"], code: string) {
  try {
    return await loadApplication({ actor, serviceCode: code });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    // the service is for another kind of applicant: say which account it needs
    if (error instanceof FormError) return { refusal: error.key };
    throw error;
  }
}

/**
 * 在线申请: who it is for (代办), the steps of the service's form, then check your answers, then
 * submit once. Each step is a page of its own with a plain form: no JavaScript is needed.
 */
export default async function ApplyPage({ params, searchParams }: Props) {
  const [{ locale, t }, { code }, query] = await Promise.all([
    pageT(params, ["apply", "errors"]),
    params,
    searchParams,
  ]);
  const actor = await requireCitizen(locale, `/${locale}/services/${code}/apply`);
  const application = await load(actor, code);
  if ("refusal" in application)
    return <CannotApply t={t} locale={locale} code={code} refusal={application.refusal} />;
  const { service, draft, choosesApplyingFor } = application;
  const view: TApplyView = {
    locale,
    code,
    base: `/${locale}/services/${code}/apply`,
    t,
    application,
    query,
    returned: await returnedFormState({ actor, id: query[formReturnParam] }),
  };
  // a person's journey starts with who it is for: themselves or someone else (代办)
  const steps = [
    ...(choosesApplyingFor ? [{ id: applyingForStepId, title: t("apply:applyingFor.title") }] : []),
    ...stepTitles(locale, service.form),
  ];
  const requested = param(query.step, 40);
  const known = (id: string | null | undefined) => !!id && (id === "check" || steps.some((s) => s.id === id));
  // a draft saved before an administrator changed the form may name a step that no longer exists
  const current = known(requested) ? requested! : known(draft.step) ? draft.step! : steps[0].id;
  const all = [...steps, { id: "check", title: t("apply:checkTitle") }];
  const index = all.findIndex((s) => s.id === current);
  const reachedIndex = Math.max(
    0,
    all.findIndex((s) => s.id === draft.step),
  );
  // steps up to the furthest one reached are links; the ones after are not yet
  const progress = all.map((s, i) => ({
    ...s,
    href: i <= Math.max(reachedIndex, index) ? `${view.base}?step=${s.id}` : null,
  }));

  return (
    <div className="grid gap-6">
      <p className="text-muted">{lt(locale, service.name, service.nameEn)}</p>
      <ProgressSteps
        label={t("apply:progressLabel")}
        status={t("apply:stepStatus", { current: index + 1, total: all.length })}
        steps={progress}
        current={current}
      />
      {current === "check" ? (
        <CheckAnswers view={view} />
      ) : current === applyingForStepId ? (
        <ApplyingForStep view={view} />
      ) : (
        <ServiceStep view={view} stepId={current} />
      )}
    </div>
  );
}
