import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { lt } from "@/lib/i18n/content";
import { requireCitizen } from "@/lib/auth/session";
import { getAccountOverview } from "@/lib/users/queries";
import { listDrafts } from "@/lib/cases/drafts";
import { latestNotifications } from "@/lib/notifications/queries";
import { linkIdentity, markNotificationsRead, saveMyCommunities } from "./actions";
import { signOnErrorKey } from "@/lib/auth/signOnClaims";
import { signOnIssuer } from "@/lib/auth/signOnProviders";
import { labelledPlaceTree } from "@/lib/places/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { PlaceCheckboxes } from "@/components/notices/PlaceCheckboxes";
import { messageForCode } from "@/lib/shared/errorCode";
import { errorMessages } from "@/lib/i18n/messages";
import { intParam } from "@/lib/i18n/search-params";
import { LocalText } from "@/components/ui/LocalText";
import { OwnRecords } from "@/components/account/OwnRecords";
import { Section } from "@/components/ui/Section";
import { ItemList } from "@/components/ui/ItemList";
import { Button } from "@/components/ui/Button";
import { StatusNote } from "@/components/ui/StatusNote";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { MoreLink } from "@/components/ui/MoreLink";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export const generateMetadata = pageMetadata("account", "account:title");

export default async function AccountPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, [
    "account",
    "auth",
    "notifications",
    "notices",
    "errors",
    "privacy",
    "disclosure",
  ]);
  const user = await requireCitizen(locale, `/${locale}/account`);
  const [overview, query, drafts, notifications, tree, mine] = await Promise.all([
    searchParams.then((q) => getAccountOverview({ actor: user, casesPage: intParam(q.casesPage) })),
    searchParams,
    listDrafts({ actor: user }),
    latestNotifications({ actor: user }),
    labelledPlaceTree({ locale }),
    myCommunityCodes({ userId: user.id }),
  ]);
  const identityError = signOnErrorKey(query.identityError);
  if (!overview) notFound();
  const { identity } = overview;
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("account:title")}</h1>
      {query.welcome ? <StatusNote>{t("account:welcome")}</StatusNote> : null}
      {query.saved ? <StatusNote>{t("account:savedNotice")}</StatusNote> : null}
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
        <ItemList items={notifications} empty={t("notifications:none")}>
          {(n) => (
            <li key={n.id} className={n.readAt ? "" : "border-l-4 border-brand pl-3"}>
              {n.readAt ? null : <strong>{t("notifications:unread")} </strong>}
              {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
              <span className="text-muted"> · {formatDate(locale, n.createdAt)}</span>
            </li>
          )}
        </ItemList>
        {notifications.some((n) => !n.readAt) ? (
          <form action={markNotificationsRead}>
            <input type="hidden" name="locale" value={locale} />
            <Button variant="link">{t("notifications:markRead")}</Button>
          </form>
        ) : null}
      </Section>
      <Section id="my-communities" title={t("notices:myCommunities.title")}>
        {query.communitiesSaved ? (
          <StatusNote className="mb-2">{t("notices:myCommunities.saved")}</StatusNote>
        ) : null}
        {query.communitiesError ? (
          <StatusNote alert className="mb-2">
            {messageForCode(errorMessages(t), query.communitiesError)}
          </StatusNote>
        ) : null}
        <form action={saveMyCommunities} className="grid gap-3">
          <input type="hidden" name="locale" value={locale} />
          <fieldset className="grid gap-2">
            <legend className="mb-1">{t("notices:myCommunities.hint")}</legend>
            <PlaceCheckboxes tree={tree} name="communities" selected={mine} idPrefix="mine" />
          </fieldset>
          <Button className="justify-self-start">{t("notices:myCommunities.save")}</Button>
        </form>
        <MoreLink href={`/${locale}/notices/subscribe`}>{t("notices:subscribe.link")}</MoreLink>
      </Section>
      <Section id="identity" title={t("account:identity.title")}>
        {query.linked ? <StatusNote className="mb-2">{t("account:identity.linkedNotice")}</StatusNote> : null}
        {identityError ? (
          <StatusNote alert className="mb-2">
            {t(`errors:${identityError}`)}
          </StatusNote>
        ) : null}
        <DefinitionList
          items={[
            [t("account:identity.level"), t(`account:identity.levels.${identity.level}`)],
            ...(identity.verifiedName
              ? ([
                  [t("account:identity.verifiedName"), identity.verifiedName],
                  [t("account:identity.verifiedIdNumber"), identity.verifiedIdNumber ?? ""],
                ] as [string, string][])
              : []),
            ...(identity.agentName
              ? ([[t("account:identity.agent"), identity.agentName]] as [string, string][])
              : []),
          ]}
        />
        {identity.level === "REGISTERED" ? (
          <MoreLink href={`/${locale}/account/mobile`}>{t("account:identity.verifyMobile")}</MoreLink>
        ) : null}
        {!identity.linked && signOnIssuer("public") ? (
          <form action={linkIdentity} className="mt-2 grid gap-2">
            <input type="hidden" name="locale" value={locale} />
            <p className="text-sm text-muted">{t("account:identity.linkHint")}</p>
            <Button variant="secondary" className="justify-self-start">
              {t("account:identity.link")}
            </Button>
          </form>
        ) : null}
      </Section>
      <Section id="profile" title={t("account:profile")}>
        <DefinitionList
          items={[
            [t("auth:name"), overview.user.name],
            [t("auth:email"), overview.user.email],
            [t("auth:accountType"), t(`auth:accountTypes.${overview.user.accountType}`)],
          ]}
        />
        <MoreLink href={`/${locale}/account/tokens`}>{t("account:tokensLink")}</MoreLink>
        <MoreLink href={`/${locale}/account/sessions`}>{t("account:sessions.link")}</MoreLink>
        <MoreLink href={`/${locale}/account/password`}>{t("account:password.link")}</MoreLink>
        <MoreLink href={`/${locale}/account/profile`}>{t("privacy:account.edit")}</MoreLink>
        <MoreLink href={`/${locale}/account/email`}>{t("privacy:email.link")}</MoreLink>
        <MoreLink href={`/${locale}/account/data`}>{t("privacy:account.link")}</MoreLink>
        <MoreLink href={`/${locale}/account/close`}>{t("privacy:account.close")}</MoreLink>
      </Section>
      <OwnRecords
        kind="cases"
        rows={overview.applications}
        paging={overview.cases}
        columns={[
          {
            key: "service",
            cell: (c) => <LocalText locale={locale} zh={c.service.name} en={c.service.nameEn} />,
          },
          { key: "status", cell: (c) => t(`account:caseStatus.${c.status}`) },
          { key: "submitted", cell: (c) => formatDate(locale, c.submittedAt) },
          { key: "due", cell: (c) => formatDay(locale, c.promisedDue) },
        ]}
      />
      <OwnRecords
        kind="requests"
        rows={overview.requests}
        columns={[
          {
            key: "department",
            header: t("disclosure:request.department"),
            cell: (r) => <LocalText locale={locale} zh={r.department.name} en={r.department.nameEn} />,
          },
          {
            key: "subject",
            header: t("account:requestSubject"),
            cell: (r) => (
              <LocalText
                locale={locale}
                zh={r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description}
              />
            ),
          },
          { key: "status", cell: (r) => t(`disclosure:requestStatus.${r.status}`) },
          { key: "submitted", cell: (r) => formatDate(locale, r.createdAt) },
          {
            key: "due",
            header: t("account:requestDue"),
            cell: (r) =>
              r.extendedDueOn || r.dueOn
                ? formatDay(locale, r.extendedDueOn ?? r.dueOn)
                : t("disclosure:request.dueAfterReceipt"),
          },
        ]}
      />
    </div>
  );
}
