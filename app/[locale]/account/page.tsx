import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { lt } from "@/lib/i18n/content";
import { requireCitizen } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/users/queries";
import { listDrafts } from "@/lib/cases/drafts";
import { latestNotifications } from "@/lib/notifications/queries";
import { markNotificationsRead, saveMyCommunities } from "./actions";
import { labelledPlaceTree } from "@/lib/places/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { PlaceCheckboxes } from "@/components/notices/PlaceCheckboxes";
import { messageForCode } from "@/lib/shared/errorCode";
import { errorMessages } from "@/lib/i18n/messages";
import Link from "next/link";
import { intParam } from "@/lib/i18n/search-params";
import { Pagination } from "@/components/ui/Pagination";
import { LocalText } from "@/components/ui/LocalText";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "account");
  return { title: t("account:title") };
}

export default async function AccountPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const user = await requireCitizen(locale, `/${locale}/account`);
  const [t, overview, query, drafts, notifications, tree, mine] = await Promise.all([
    getT(locale, ["account", "auth", "notifications", "notices", "errors"]),
    searchParams.then((q) => getAccountOverview({ actor: user, casesPage: intParam(q.casesPage) })),
    searchParams,
    listDrafts({ actor: user }),
    latestNotifications({ actor: user }),
    labelledPlaceTree({ locale }),
    myCommunityCodes({ userId: user.id }),
  ]);
  if (!overview) notFound();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("account:title")}</h1>
      {query.welcome ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:welcome")}
        </p>
      ) : null}
      {query.saved ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:savedNotice")}
        </p>
      ) : null}
      {drafts.length ? (
        <Section id="drafts" title={t("account:drafts")}>
          <ul className="grid gap-2">
            {drafts.map((draft) => (
              <li key={draft.service.code}>
                <Link href={`/${locale}/services/${draft.service.code}/apply`}>
                  {t("account:resume", { name: lt(locale, draft.service.name, draft.service.nameEn) })}
                </Link>{" "}
                <span className="text-muted">
                  {t("account:savedOn", { date: formatDate(locale, draft.updatedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="notifications" title={t("notifications:title")}>
        {notifications.length === 0 ? <p>{t("notifications:none")}</p> : null}
        <ul className="grid gap-2">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "" : "border-l-4 border-brand pl-3"}>
              {n.readAt ? null : <strong>{t("notifications:unread")} </strong>}
              {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
              <span className="text-muted"> · {formatDate(locale, n.createdAt)}</span>
            </li>
          ))}
        </ul>
        {notifications.some((n) => !n.readAt) ? (
          <form action={markNotificationsRead} className="mt-2">
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="text-link underline">
              {t("notifications:markRead")}
            </button>
          </form>
        ) : null}
      </Section>
      <Section id="my-communities" title={t("notices:myCommunities.title")}>
        {query.communitiesSaved ? (
          <p role="status" className="mb-2 border-l-4 border-brand pl-3">
            {t("notices:myCommunities.saved")}
          </p>
        ) : null}
        {query.communitiesError ? (
          <p role="alert" className="mb-2 border-l-4 border-brand pl-3 font-bold text-brand">
            {messageForCode(errorMessages(t), query.communitiesError)}
          </p>
        ) : null}
        <form action={saveMyCommunities} className="grid gap-3">
          <input type="hidden" name="locale" value={locale} />
          <fieldset className="grid gap-2">
            <legend className="mb-1">{t("notices:myCommunities.hint")}</legend>
            <PlaceCheckboxes tree={tree} name="communities" selected={mine} idPrefix="mine" />
          </fieldset>
          <button
            type="submit"
            className="min-h-10 justify-self-start bg-brand px-6 py-2 font-bold text-white"
          >
            {t("notices:myCommunities.save")}
          </button>
        </form>
        <p className="mt-2">
          <Link href={`/${locale}/notices/subscribe`}>{t("notices:subscribe.link")}</Link>
        </p>
      </Section>
      <Section id="profile" title={t("account:profile")}>
        <dl className="grid grid-cols-[10rem_1fr] gap-2">
          <dt className="font-bold">{t("auth:name")}</dt>
          <dd>{overview.user.name}</dd>
          <dt className="font-bold">{t("auth:email")}</dt>
          <dd>{overview.user.email}</dd>
          <dt className="font-bold">{t("auth:accountType")}</dt>
          <dd>
            {overview.user.accountType === "ORGANISATION"
              ? t("auth:accountTypeOrganisation")
              : t("auth:accountTypePerson")}
          </dd>
        </dl>
        <p className="mt-2">
          <Link href={`/${locale}/account/tokens`}>{t("account:tokensLink")}</Link>
        </p>
        <p>
          <Link href={`/${locale}/account/sessions`}>{t("account:sessions.link")}</Link>
        </p>
      </Section>
      <Section id="cases" title={t("account:cases")}>
        {overview.applications.length === 0 ? (
          <p>{t("account:noCases")}</p>
        ) : (
          <Table
            rows={overview.applications}
            rowKey={(c) => c.trackingNumber}
            columns={[
              {
                key: "trackingNumber",
                header: t("account:trackingNumber"),
                cell: (c) => (
                  <Link href={`/${locale}/account/cases/${c.trackingNumber}`}>{c.trackingNumber}</Link>
                ),
              },
              {
                key: "service",
                header: t("account:service"),
                cell: (c) => <LocalText locale={locale} zh={c.service.name} en={c.service.nameEn} />,
              },
              {
                key: "status",
                header: t("account:status"),
                cell: (c) => t(`account:caseStatus.${c.status}`),
              },
              {
                key: "submitted",
                header: t("account:submitted"),
                cell: (c) => formatDate(locale, c.submittedAt),
              },
              { key: "due", header: t("account:due"), cell: (c) => formatDay(locale, c.promisedDue) },
            ]}
          />
        )}
        {overview.cases.pages > 1 ? (
          <Pagination
            page={overview.cases.page}
            pages={overview.cases.pages}
            hrefFor={(page) => `/${locale}/account${page > 1 ? `?casesPage=${page}` : ""}#cases`}
            label={t("pagination.label")}
            previous={t("pagination.previous")}
            next={t("pagination.next")}
            status={t("pagination.status", { page: overview.cases.page, pages: overview.cases.pages })}
          />
        ) : null}
      </Section>
      <Section id="requests" title={t("account:requests")}>
        {overview.requests.length === 0 ? (
          <p>{t("account:noRequests")}</p>
        ) : (
          <ul>
            {overview.requests.map((r) => (
              <li key={r.trackingNumber}>
                <Link href={`/${locale}/account/requests/${r.trackingNumber}`}>{r.trackingNumber}</Link> ·{" "}
                {formatDate(locale, r.createdAt)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
