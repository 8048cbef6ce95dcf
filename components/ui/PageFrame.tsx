import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { Breadcrumb, PageHeading } from "./PageHeading";
import { StatusNote } from "./StatusNote";

type Props = {
  /** the trail's name for assistive technology and the pages above this one */
  breadcrumb: { label: string; links: { href: string; label: ReactNode }[] };
  title: ReactNode;
  intro?: ReactNode;
  /** what the last action did, said once the page is back (saved, sent, ended) */
  status?: ReactNode;
  children: ReactNode;
};

/** A page below another: the trail back, the heading with its lead, what just happened, the content. */
export function PageFrame({ breadcrumb, title, intro, status, children }: Props) {
  return (
    <div className="grid gap-6">
      <Breadcrumb label={breadcrumb.label} links={breadcrumb.links} />
      <PageHeading title={title} intro={intro} />
      {status ? <StatusNote>{status}</StatusNote> : null}
      {children}
    </div>
  );
}

/** A page of the citizen's own account: the trail starts at 我的账户 (the `account` namespace). */
export function AccountFrame({
  t,
  locale,
  trail = [],
  ...page
}: Omit<Props, "breadcrumb"> & { t: TFunction; locale: string; trail?: Props["breadcrumb"]["links"] }) {
  return (
    <PageFrame
      breadcrumb={{
        label: t("breadcrumb"),
        links: [{ href: `/${locale}/account`, label: t("account:title") }, ...trail],
      }}
      {...page}
    />
  );
}
