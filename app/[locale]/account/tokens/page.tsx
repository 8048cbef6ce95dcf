import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate } from "@/lib/i18n/format";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { errorMessages } from "@/lib/i18n/messages";
import { requireCitizen } from "@/lib/auth/session";
import { newTokenCookie, tokensForAccountPage } from "@/lib/users/apiTokens";
import { SimpleForm } from "@/components/form/SimpleForm";
import { createToken, revokeToken } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "tokens");
  return { title: t("tokens:title") };
}

/** Personal API tokens: make one (shown once, right after), see the working ones, revoke them. */
export default async function TokensPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const actor = await requireCitizen(locale, `/${locale}/account/tokens`);
  const query = await searchParams;
  const fresh = param(query.created, 1) ? (await cookies()).get(newTokenCookie)?.value : undefined;
  const [t, data] = await Promise.all([
    getT(locale, ["tokens", "errors"]),
    tokensForAccountPage({ actor, fresh }),
  ]);
  const messages = { ...errorMessages(t), tooManyTokens: t("tokens:tooMany") };

  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/account`}>{t("tokens:account")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("tokens:title")}</h1>
      <p className="max-w-2xl">{t("tokens:intro")}</p>
      {param(query.revoked, 1) ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("tokens:revoked")}
        </p>
      ) : null}

      {data.fresh ? (
        <section aria-labelledby="new-token" role="status" className="grid gap-2 border-4 border-brand p-4">
          <h2 id="new-token" className="text-xl font-bold">
            {t("tokens:newTitle", { name: data.fresh.name })}
          </h2>
          <p>{t("tokens:newIntro")}</p>
          <p className="font-bold">{t("tokens:newLabel")}</p>
          <code className="block bg-panel p-2 text-lg break-all" data-testid="new-token">
            {data.fresh.token}
          </code>
          <p className="font-bold">{t("tokens:example")}</p>
          <code className="block bg-panel p-2 text-sm break-all">{`curl -H "Authorization: Bearer ${data.fresh.token}" /api/v1/applications`}</code>
        </section>
      ) : null}

      <section aria-labelledby="create-token" className="grid gap-2">
        <h2 id="create-token" className="text-xl font-bold">
          {t("tokens:createTitle")}
        </h2>
        <SimpleForm
          idPrefix="create"
          action={createToken}
          hidden={{ locale }}
          fields={[
            {
              name: "name",
              type: "text",
              label: t("tokens:name"),
              hint: t("tokens:nameHint"),
              autoComplete: "off",
            },
          ]}
          submitLabel={t("tokens:create")}
          messages={messages}
          errorTitle={t("errors:summaryTitle")}
        />
      </section>

      <section aria-labelledby="token-list" className="grid gap-2">
        <h2 id="token-list" className="text-xl font-bold">
          {t("tokens:listTitle")}
        </h2>
        {data.tokens.length === 0 ? (
          <p>{t("tokens:none")}</p>
        ) : (
          <ul className="grid gap-4">
            {data.tokens.map((token) => (
              <li key={token.id} className="grid gap-2 border border-line p-4">
                <p className="font-bold">{token.name}</p>
                <dl className="grid grid-cols-[10rem_1fr] gap-1">
                  <dt>{t("tokens:created")}</dt>
                  <dd>{formatDate(locale, token.createdAt)}</dd>
                  <dt>{t("tokens:lastUsed")}</dt>
                  <dd>{token.lastUsedAt ? formatDate(locale, token.lastUsedAt) : t("tokens:neverUsed")}</dd>
                </dl>
                <SimpleForm
                  idPrefix={`revoke-${token.id}`}
                  action={revokeToken}
                  hidden={{ locale, id: token.id }}
                  fields={[]}
                  submitLabel={t("tokens:revoke", { name: token.name })}
                  messages={messages}
                  errorTitle={t("errors:summaryTitle")}
                  tone="warning"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
