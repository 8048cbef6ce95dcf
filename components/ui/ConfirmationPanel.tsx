import type { ReactNode } from "react";
import type { TFunction } from "i18next";

/**
 * The panel that ends a submission: its title, what was submitted, and the tracking number
 * and access code the applicant needs to follow it up, large enough to copy down.
 */
export function ConfirmationPanel({
  t,
  title,
  issued,
  children,
}: {
  t: TFunction;
  title: string;
  /** the numbers just issued, together the key to follow the submission up */
  issued: { trackingNumber: string; accessCode: string };
  children?: ReactNode;
}) {
  return (
    <div className="grid gap-2 bg-[#00703c] p-6 text-center text-white">
      <h1 className="text-3xl font-bold">{title}</h1>
      {children}
      <dl className="grid gap-1 text-xl">
        <dt>{t("account:trackingNumber")}</dt>
        <dd className="text-2xl font-bold tracking-wider" data-testid="tracking-number">
          {issued.trackingNumber}
        </dd>
        <dt>{t("account:accessCode")}</dt>
        <dd className="text-2xl font-bold tracking-widest" data-testid="access-code">
          {issued.accessCode}
        </dd>
      </dl>
    </div>
  );
}
