import "server-only";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import type { TFunction } from "i18next";
import { getT } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale, type TNamespace } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import type { TSessionUser } from "@/lib/auth/types";
import { formReturnParam } from "@/lib/actions/formReturn";
import { stepToConfirm } from "@/lib/workflow/confirmStep";
import { ConfirmStep } from "@/components/staff/ConfirmStep";

type TFact = { term: string; value: ReactNode };

/** What a confirmation page says of the step waiting on its entity. */
type TShown = {
  /** the step's name, in the title and on the button */
  step: string;
  consequence: string;
  facts: TFact[];
  /** the entity's name in the title (by default its key) */
  subject?: string;
  /** where on the entity's page "change" goes back to (by default the step's own form) */
  anchor?: string;
  cancelLabel?: string;
  /** the step is taken by a post to the form route `postTo`, or by this form (a server action's) */
} & ({ postTo: string; form?: never } | { postTo?: never; form: (confirmLabel: string) => ReactNode });

type TSpec<TEntity, TStep extends string> = {
  /** the list the entity belongs to: its page is `${list}/${key}` */
  list: string;
  /** the route parameter that holds the entity's key (default `number`) */
  param?: string;
  /** the entity as this person may see it; nothing is a 404 */
  load: (input: { actor: TSessionUser; key: string }) => Promise<TEntity | null>;
  /** the field its step form posts the key in (default `trackingNumber`) */
  keyField?: string;
  steps: Record<TStep, { irreversible?: boolean }>;
  namespaces: TNamespace[];
  show: (input: { found: TEntity; step: TStep; values: Record<string, string>; t: TFunction }) => TShown;
};

/**
 * A staff page that confirms an irreversible step (see lib/workflow/confirmStep.ts): it loads the
 * entity, finds the step this person posted on it, and shows it back with the one button that
 * takes it. Without a step waiting for this person, back to the entity's page.
 */
export function confirmStepPage<TEntity, TStep extends string>(spec: TSpec<TEntity, TStep>) {
  return async function ConfirmStepPage(props: {
    params: Promise<Record<string, string>>;
    searchParams: TSearchParams;
  }) {
    const actor = await requireStaff();
    const key = (await props.params)[spec.param ?? "number"];
    const found = await orNotFound(spec.load({ actor, key }));
    const path = `${spec.list}/${key}`;
    const id = (await props.searchParams)[formReturnParam];
    const pending = await stepToConfirm({
      actor,
      id,
      trackingNumber: key,
      keyField: spec.keyField,
      steps: spec.steps,
    });
    if (!pending) redirect(path);
    const t = await getT(defaultLocale, spec.namespaces);
    const shown = spec.show({ found, step: pending.step, values: pending.values, t });
    const confirmLabel = t("staff:confirm.button", { step: shown.step });
    return (
      <ConfirmStep
        title={t("staff:confirm.title", { step: shown.step, number: shown.subject ?? key })}
        consequence={shown.consequence}
        warningLabel={t("staff:confirm.warning")}
        facts={shown.facts}
        postTo={shown.postTo}
        values={pending.values}
        confirmLabel={confirmLabel}
        change={{
          href: `${path}?${formReturnParam}=${String(id)}#${shown.anchor ?? `step-${pending.step}`}`,
          label: t("staff:confirm.change"),
        }}
        cancel={{ href: path, label: shown.cancelLabel ?? t("staff:confirm.cancel") }}
      >
        {shown.form?.(confirmLabel)}
      </ConfirmStep>
    );
  };
}
