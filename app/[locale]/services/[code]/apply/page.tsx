import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { errorMessages } from "@/lib/i18n/messages";
import { requireCitizen } from "@/lib/auth/session";
import { loadApplication } from "@/lib/cases/drafts";
import { answersAsFormValues, validateAnswers, isFieldShown } from "@/lib/services/answers";
import { answerText, fieldViews, formText, stepTitles, type TFileHint } from "@/lib/services/formView";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { formReturnParam, returnedFormState } from "@/lib/actions/formReturn";
import { ProgressSteps } from "@/components/form/ProgressSteps";
import { StepForm } from "@/components/form/StepForm";
import { Button } from "@/components/ui/Button";
import { StatusNote } from "@/components/ui/StatusNote";
import { submitCase } from "./actions";
import { applyingForForm, applyingForStepId } from "@/lib/cases/applyingFor";

// the apply namespace's labels (applyingFor.*) of the applying-for step's fields: lib/cases/applyingFor.ts only validates them
const applyingForLabels: Record<string, string> = {
  applyingFor: "label",
  onBehalfName: "name",
  onBehalfIdNumber: "idNumber",
  onBehalfDeclaration: "declaration",
};

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

/** 在线申请: the steps of the service's form, then check your answers, then submit once. */
export default async function ApplyPage({ params, searchParams }: Props) {
  const [{ locale, t }, { code }, query] = await Promise.all([
    pageT(params, ["apply", "errors"]),
    params,
    searchParams,
  ]);
  const actor = await requireCitizen(locale, `/${locale}/services/${code}/apply`);
  const loaded = await load(actor, code);
  if ("refusal" in loaded)
    return (
      <div className="grid gap-4">
        <h1 className="text-2xl font-bold">{t("apply:cannotApplyTitle")}</h1>
        <p>{t(`errors:${loaded.refusal}`)}</p>
        {loaded.refusal === "assuranceRealName" ? (
          <p>
            {t("apply:reach.realName")}{" "}
            <Link href={`/${locale}/account#identity`}>{t("apply:reach.linkIdentity")}</Link>
          </p>
        ) : null}
        {loaded.refusal === "assurancePhone" ? (
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
  const { service, draft, files, locked, applyingFor, choosesApplyingFor } = loaded;
  const forOther = applyingFor.applyingFor === "other";
  // a step sent back by its form route, with its errors and what was typed
  const returned = await returnedFormState({ actor, id: query[formReturnParam] });
  // a person's journey starts with who it is for: themselves or someone else (代办)
  const steps = [
    ...(choosesApplyingFor ? [{ id: applyingForStepId, title: t("apply:applyingFor.title") }] : []),
    ...stepTitles(locale, service.form),
  ];
  const requested = param(query.step, 40);
  const known = (id: string | null | undefined) => !!id && (id === "check" || steps.some((s) => s.id === id));
  // a draft saved before an administrator changed the form may name a step that no longer exists
  const current = known(requested) ? requested! : known(draft.step) ? draft.step! : steps[0].id;
  const whoChecked = applyingFor.applyingFor ? validateAnswers(applyingForForm, applyingFor) : null;
  const base = `/${locale}/services/${code}/apply`;
  const all = [...steps, { id: "check", title: t("apply:checkTitle") }];
  const index = all.findIndex((s) => s.id === current);
  const reachedIndex = Math.max(
    0,
    all.findIndex((s) => s.id === draft.step),
  );
  const progress = all.map((s, i) => ({
    ...s,
    href: i <= Math.max(reachedIndex, index) ? `${base}?step=${s.id}` : null,
  }));

  const fileHint: TFileHint = (types, size) => t("apply:fileHint", { types, size });
  const stepText = {
    continue: t("apply:continue"),
    saveLater: t("apply:saveLater"),
    optional: t("apply:optional"),
    errorTitle: t("errors:summaryTitle"),
    currentFile: t("apply:currentFile"),
    replaceFile: t("apply:replaceFile"),
    select: t("apply:select"),
  };

  return (
    <div className="grid gap-6">
      <p className="text-muted">{lt(locale, service.name, service.nameEn)}</p>
      <ProgressSteps
        label={t("apply:progressLabel")}
        status={t("apply:stepStatus", { current: index + 1, total: all.length })}
        steps={progress}
        current={current}
      />
      {current === "check" ? <CheckAnswers /> : current === applyingForStepId ? <ApplyingFor /> : <Step />}
    </div>
  );

  function Step() {
    const step = service.form.steps.find((s) => s.id === current)!;
    // every field is on the page (no JavaScript needed); a conditional one says when it applies
    const conditionHint = (name: string) => {
      const field = step.fields.find((f) => f.name === name);
      const condition = field?.showIf;
      if (!condition) return undefined;
      const on = service.form.steps.flatMap((s) => s.fields).find((f) => f.name === condition.field);
      const option = on?.options?.find((o) => o.value === condition.equals);
      return on && option
        ? t("apply:conditionalHint", {
            field: formText(locale, on.label),
            option: formText(locale, option.label),
          })
        : undefined;
    };
    const checked = query.errors ? validateAnswers(service.form, draft.answers, [step.id]) : null;
    const values = answersAsFormValues(
      Object.fromEntries(
        Object.entries(draft.answers).filter(
          ([name]) => !step.fields.some((f) => f.type === "file" && f.name === name),
        ),
      ),
    );
    return (
      <>
        <h1 className="text-2xl font-bold">{formText(locale, step.title)}</h1>
        <StepForm
          key={step.id}
          postTo="/api/forms/apply-step"
          hidden={{
            locale,
            serviceCode: code,
            stepId: step.id,
            ...(param(query.return, 10) === "check" ? { return: "check" } : {}),
          }}
          fields={fieldViews(locale, step.fields, files, draft.answers, fileHint).map((view) => {
            if (locked[view.name] !== undefined)
              return {
                ...view,
                readOnly: true,
                hint: t(forOther ? "apply:applyingFor.principalLockedHint" : "apply:lockedHint"),
              };
            const condition = conditionHint(view.name);
            return condition ? { ...view, hint: [condition, view.hint].filter(Boolean).join(" ") } : view;
          })}
          initial={
            returned ?? { ok: false, fieldErrors: checked && !checked.ok ? checked.fieldErrors : {}, values }
          }
          text={stepText}
          messages={errorMessages(t)}
        />
      </>
    );
  }

  function ApplyingFor() {
    const onlyOther = t("apply:applyingFor.onlyOther");
    const defined = applyingForForm.steps[0].fields;
    const values = answersAsFormValues(
      Object.fromEntries(Object.entries(applyingFor).filter(([name]) => name !== "onBehalfDeclaration")),
    );
    return (
      <>
        <h1 className="text-2xl font-bold">{t("apply:applyingFor.title")}</h1>
        <p>{t("apply:applyingFor.intro")}</p>
        <StepForm
          key={applyingForStepId}
          postTo="/api/forms/apply-step"
          hidden={{
            locale,
            serviceCode: code,
            stepId: applyingForStepId,
            ...(param(query.return, 10) === "check" ? { return: "check" } : {}),
          }}
          fields={fieldViews(locale, defined, files, applyingFor, fileHint).map((view, index) => ({
            ...view,
            label: t(`apply:applyingFor.${applyingForLabels[view.name]}`),
            // the 代办 fields say they are only for someone else; the 授权委托书 what it is
            hint: defined[index].showIf
              ? [onlyOther, view.type === "file" ? t("apply:applyingFor.declarationHint") : "", view.hint]
                  .filter(Boolean)
                  .join(" ")
              : view.hint,
            options: view.options?.map((option) => ({
              ...option,
              label: t(`apply:applyingFor.${option.value}`),
            })),
          }))}
          initial={
            returned ?? {
              ok: false,
              fieldErrors: query.errors && whoChecked && !whoChecked.ok ? whoChecked.fieldErrors : {},
              values,
            }
          }
          text={stepText}
          messages={errorMessages(t)}
        />
      </>
    );
  }

  function CheckAnswers() {
    const complete = validateAnswers(service.form, draft.answers);
    const whoComplete = !whoChecked || whoChecked.ok;
    const declaration = applyingFor.onBehalfDeclaration;
    const whoRows: [string, string, string | null][] = choosesApplyingFor
      ? [
          [
            "applyingFor",
            t("apply:applyingFor.label"),
            t(forOther ? "apply:applyingFor.other" : "apply:applyingFor.self"),
          ],
          ...(forOther
            ? ([
                ["onBehalfName", t("apply:applyingFor.name"), String(applyingFor.onBehalfName ?? "") || null],
                [
                  "onBehalfIdNumber",
                  t("apply:applyingFor.idNumber"),
                  String(applyingFor.onBehalfIdNumber ?? "") || null,
                ],
                [
                  "onBehalfDeclaration",
                  t("apply:applyingFor.declaration"),
                  typeof declaration === "string" ? (files[declaration] ?? null) : null,
                ],
              ] as [string, string, string | null][])
            : []),
        ]
      : [];
    return (
      <>
        <h1 className="text-2xl font-bold">{t("apply:checkTitle")}</h1>
        {whoRows.length ? (
          <section aria-labelledby="check-applyingFor">
            <h2 id="check-applyingFor" className="mb-2 text-xl font-bold">
              {t("apply:applyingFor.title")}
            </h2>
            <dl className="border-t border-line">
              {whoRows.map(([name, label, value]) => (
                <div
                  key={name}
                  className="grid gap-2 border-b border-line py-2 md:grid-cols-[14rem_1fr_6rem]"
                >
                  <dt className="font-bold">{label}</dt>
                  <dd>{value ?? <span className="text-muted">{t("apply:noAnswer")}</span>}</dd>
                  <dd>
                    <Link href={`${base}?step=${applyingForStepId}&return=check#field-${name}`}>
                      {t("apply:change")}
                      <span className="sr-only"> {label}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        {service.form.steps.map((step) => (
          <section key={step.id} aria-labelledby={`check-${step.id}`}>
            <h2 id={`check-${step.id}`} className="mb-2 text-xl font-bold">
              {formText(locale, step.title)}
            </h2>
            <dl className="border-t border-line">
              {step.fields
                .filter((field) => isFieldShown(field, draft.answers))
                .map((field) => (
                  <div
                    key={field.name}
                    className="grid gap-2 border-b border-line py-2 md:grid-cols-[14rem_1fr_6rem]"
                  >
                    <dt className="font-bold">{formText(locale, field.label)}</dt>
                    <dd>
                      {answerText(locale, field, draft.answers[field.name], files) ?? (
                        <span className="text-muted">{t("apply:noAnswer")}</span>
                      )}
                    </dd>
                    <dd>
                      <Link href={`${base}?step=${step.id}&return=check#field-${field.name}`}>
                        {t("apply:change")}
                        <span className="sr-only"> {formText(locale, field.label)}</span>
                      </Link>
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        {complete.ok && whoComplete ? (
          <form action={submitCase} className="grid gap-4">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="serviceCode" value={code} />
            <h2 className="text-xl font-bold">{t("apply:declarationTitle")}</h2>
            <p>{t("apply:declaration")}</p>
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <Button className="justify-self-start">{t("apply:submit")}</Button>
          </form>
        ) : (
          <StatusNote>
            {t("apply:incomplete")}{" "}
            <Link
              href={`${base}?step=${!whoComplete ? applyingForStepId : (service.form.steps.find((s) => s.fields.some((f) => !complete.ok && complete.fieldErrors[f.name]))?.id ?? steps[0].id)}&errors=1`}
            >
              {t("apply:completeIt")}
            </Link>
          </StatusNote>
        )}
      </>
    );
  }
}
