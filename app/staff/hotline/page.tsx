import Link from "next/link";
import { cookies } from "next/headers";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { webhookEndpoints } from "@/lib/webhooks/endpoints";
import { hotlineFlashCookie, serviceTokens } from "@/lib/letters/hotlineTokens";
import { PageHeader } from "@/components/staff/PageHeader";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { Section } from "@/components/ui/Section";
import { ItemButtonForm } from "@/components/ui/ItemButtonForm";
import { makeServiceToken, registerEndpoint, revokeToken, toggleEndpoint } from "./actions";

export const generateMetadata = staffPageMetadata("letters", "letters:hotline.admin.title");

type Props = { searchParams: Promise<{ created?: string; done?: string }> };

/**
 * The 12345 hotline's connection (administrators only): the endpoints that receive each letter
 * step as a signed webhook, and the service tokens its system files work orders with.
 */
export default async function HotlinePage({ searchParams }: Props) {
  const actor = await requireStaff();
  const endpoints = await orNotFound(webhookEndpoints({ actor }));
  const tokens = await serviceTokens({ actor });
  const t = await getT(defaultLocale, ["letters", "staff", "errors"]);
  const query = await searchParams;
  const created = query.created === "endpoint" || query.created === "token" ? query.created : null;
  const fresh = created ? (await cookies()).get(hotlineFlashCookie)?.value : undefined;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("letters:hotline.admin.title")} status={query.done ? t("staff:done") : null} />
      <p>{t("letters:hotline.admin.intro")}</p>
      <p>
        <Link href="/staff/hotline/deliveries">{t("letters:hotline.admin.logLink")}</Link>
      </p>
      {created && fresh ? (
        <div role="status" className="grid gap-1 border-4 border-brand p-4">
          <p className="font-bold">
            {t(
              created === "endpoint" ? "letters:hotline.admin.secretOnce" : "letters:hotline.admin.tokenOnce",
            )}
          </p>
          <code className="break-all">{fresh}</code>
        </div>
      ) : null}
      <Section id="endpoints" title={t("letters:hotline.admin.endpoints")}>
        {endpoints.length === 0 ? <p>{t("letters:hotline.admin.noEndpoints")}</p> : null}
        <ul className="grid gap-2">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="grid gap-1 border border-line p-4">
              <p className="font-bold">{endpoint.name}</p>
              <p className="break-all">{endpoint.url}</p>
              <p className="text-sm text-muted">
                {t("letters:hotline.admin.secretHint", { hint: endpoint.secretHint })} ·{" "}
                {t(endpoint.active ? "letters:hotline.admin.active" : "letters:hotline.admin.inactive")} ·{" "}
                {t("letters:hotline.admin.waiting", { count: endpoint.waiting })}
              </p>
              <ItemButtonForm
                action={toggleEndpoint}
                hidden={{ id: endpoint.id, active: endpoint.active ? "off" : "on" }}
                label={t(endpoint.active ? "letters:hotline.admin.disable" : "letters:hotline.admin.enable")}
                item={endpoint.name}
                variant="secondary"
              />
            </li>
          ))}
        </ul>
      </Section>
      <FormSection
        id="register"
        title={t("letters:hotline.admin.register")}
        intro={t("letters:hotline.admin.registerIntro")}
        action={registerEndpoint}
        fields={[
          field.text("name", t("letters:hotline.admin.endpointName"), "off"),
          field.text("url", t("letters:hotline.admin.endpointUrl"), "off", {
            hint: t("letters:hotline.admin.endpointUrlHint"),
          }),
          field.text("secret", t("letters:hotline.admin.endpointSecret"), "off"),
        ]}
        submitLabel={t("letters:hotline.admin.register")}
      />
      <Section id="tokens" title={t("letters:hotline.admin.tokens")}>
        <p>{t("letters:hotline.admin.tokensIntro")}</p>
        {tokens.length === 0 ? <p>{t("letters:hotline.admin.noTokens")}</p> : null}
        <ul className="grid gap-2">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-4 border border-line p-4">
              <span className="font-bold">{token.name}</span>
              <span>{token.user.email}</span>
              <span className="text-sm text-muted">
                {token.lastUsedAt
                  ? t("letters:hotline.admin.lastUsed", {
                      at: formatDateTime(defaultLocale, token.lastUsedAt),
                    })
                  : t("letters:hotline.admin.neverUsed")}
              </span>
              <ItemButtonForm
                action={revokeToken}
                hidden={{ id: token.id }}
                label={t("letters:hotline.admin.revoke")}
                item={token.name}
                variant="warning"
              />
            </li>
          ))}
        </ul>
      </Section>
      <FormSection
        id="make-token"
        title={t("letters:hotline.admin.makeToken")}
        action={makeServiceToken}
        fields={[
          field.text("name", t("letters:hotline.admin.tokenName"), "off"),
          field.email("email", t("letters:hotline.admin.tokenAccount"), "off", {
            hint: t("letters:hotline.admin.tokenAccountHint"),
          }),
        ]}
        submitLabel={t("letters:hotline.admin.makeToken")}
      />
    </div>
  );
}
