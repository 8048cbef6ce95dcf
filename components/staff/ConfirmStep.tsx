import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";
import { buttonClass } from "@/components/ui/Button";

type Props = {
  /** the page's heading: what is about to be done, to what */
  title: string;
  /** what will happen, said plainly: it cannot be undone, who is told what */
  consequence: string;
  /** the screen reader's word before the warning (e.g. "Warning") */
  warningLabel: string;
  /** what was entered and what it is done to, shown back as it will be sent */
  facts: { term: string; value: ReactNode }[];
  /** the form route that takes the step… */
  postTo?: string;
  /** …with what the first post carried, sent again with the confirmation */
  values?: Record<string, string>;
  confirmLabel?: string;
  /** or the confirming form itself (a server action's, which shows its own errors) */
  children?: ReactNode;
  /** back to the form with what was typed, to change it */
  change: { href: string; label: string };
  /** back to the case or request, nothing done */
  cancel: { href: string; label: string };
};

/**
 * The second page of an irreversible step (GOV.UK's "check before you do something that cannot be
 * undone"): it repeats what will happen and what was entered; only its own submit takes the step.
 * A plain form: no JavaScript is needed.
 */
export function ConfirmStep({
  title,
  consequence,
  warningLabel,
  facts,
  postTo,
  values = {},
  confirmLabel,
  change,
  cancel,
  children,
}: Props) {
  return (
    <div className="grid max-w-3xl gap-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="flex items-start gap-3 border-l-4 border-brand-dark pl-3 font-bold text-brand-dark">
        <span
          aria-hidden="true"
          className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-dark text-white"
        >
          !
        </span>
        <span>
          <span className="sr-only">{warningLabel}：</span>
          {consequence}
        </span>
      </p>
      <dl className="grid gap-2 border border-line bg-panel p-4 md:grid-cols-[10rem_1fr]">
        {facts.map((fact) => (
          <div key={fact.term} className="contents">
            <dt className="font-bold">{fact.term}</dt>
            <dd className="whitespace-pre-wrap">{fact.value}</dd>
          </div>
        ))}
      </dl>
      {postTo ? (
        <form
          method="post"
          action={postTo}
          encType="multipart/form-data"
          className="flex flex-wrap items-center gap-4"
        >
          {Object.entries(values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="1" />
          <button type="submit" className={buttonClass("warning")}>
            {confirmLabel}
          </button>
        </form>
      ) : (
        children
      )}
      <p className="flex flex-wrap gap-4">
        <Link href={change.href}>{change.label}</Link>
        <Link href={cancel.href}>{cancel.label}</Link>
      </p>
    </div>
  );
}
