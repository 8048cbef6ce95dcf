import { cookies } from "next/headers";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireCitizen } from "@/lib/auth/session";
import { newTokenCookie, tokensForAccountPage } from "@/lib/users/apiTokens";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { AccountFrame } from "@/components/ui/PageFrame";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Section } from "@/components/ui/Section";
import { createToken, revokeToken } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("tokens", "tokens:title");

/** Personal API tokens: make one (shown once, right after), see the working ones, revoke them. */
export default async function TokensPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, ["tokens", "account", "errors"]);
  const actor = await requireCitizen(locale, `/${locale}/account/tokens`);
  const query = await searchParams;
  const fresh = param(query.created, 1) ? (await cookies()).get(newTokenCookie)?.value : undefined;
  const data = await tokensForAccountPage({ actor, fresh });
  const messages = { tooManyTokens: t("tokens:tooMany") };

  return (
    <AccountFrame
      title={t("tokens:title")}
      intro={t("tokens:intro")}
      status={param(query.revoked, 1) ? t("tokens:revoked") : null}
    >
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

      <FormSection
        id="create-token"
        idPrefix="create"
        title={t("tokens:createTitle")}
        messages={messages}
        action={createToken}
        hidden={{ locale }}
        fields={[field.text("name", t("tokens:name"), "off", { hint: t("tokens:nameHint") })]}
        submitLabel={t("tokens:create")}
      />

      <Section id="token-list" title={t("tokens:listTitle")} className="grid gap-2">
        {data.tokens.length === 0 ? (
          <p>{t("tokens:none")}</p>
        ) : (
          <ul className="grid gap-4">
            {data.tokens.map((token) => (
              <li key={token.id} className="grid gap-2 border border-line p-4">
                <p className="font-bold">{token.name}</p>
                <DefinitionList
                  className="grid grid-cols-[10rem_1fr] gap-1"
                  items={[
                    [t("tokens:created"), formatDate(locale, token.createdAt)],
                    [
                      t("tokens:lastUsed"),
                      token.lastUsedAt ? formatDate(locale, token.lastUsedAt) : t("tokens:neverUsed"),
                    ],
                  ]}
                />
                <TranslatedForm
                  idPrefix={`revoke-${token.id}`}
                  action={revokeToken}
                  hidden={{ locale, id: token.id }}
                  fields={[]}
                  submitLabel={t("tokens:revoke", { name: token.name })}
                  messages={messages}
                  tone="warning"
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </AccountFrame>
  );
}
