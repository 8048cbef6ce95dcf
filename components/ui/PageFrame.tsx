import type { ReactNode } from "react";
import { renderLocale } from "@/lib/i18n/request";
import { getT } from "@/lib/i18n/server";
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

/** A page of the citizen's own account, in the page's language: the trail starts at 我的账户. */
export async function AccountFrame({
  trail = [],
  ...page
}: Omit<Props, "breadcrumb"> & { trail?: Props["breadcrumb"]["links"] }) {
  const locale = renderLocale();
  const t = await getT(locale, "account");
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
