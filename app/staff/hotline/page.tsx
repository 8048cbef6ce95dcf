import { Link } from "@/components/ui/Link";
import { cookies } from "next/headers";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { webhookEndpoints } from "@/lib/webhooks/endpoints";
import { hotlineFlashCookie, serviceTokens } from "@/lib/letters/hotlineTokens";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { Section } from "@/components/ui/Section";
import { ItemList } from "@/components/ui/ItemList";
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
  const admin = (key: string, values = {}) => t(`letters:hotline.admin.${key}`, values);
  const query = await searchParams;
  const created = query.created === "endpoint" || query.created === "token" ? query.created : null;
  const fresh = created ? (await cookies()).get(hotlineFlashCookie)?.value : undefined;
  return (
    <StaffPage title={admin("title")} status={query.done ? t("staff:done") : null}>
      <p>{admin("intro")}</p>
      <p>
        <Link href="/staff/hotline/deliveries">{admin("logLink")}</Link>
      </p>
      {created && fresh ? (
        <div role="status" className="grid gap-1 border-4 border-brand p-4">
          <p className="font-bold">{admin(created === "endpoint" ? "secretOnce" : "tokenOnce")}</p>
          <code className="break-all">{fresh}</code>
        </div>
      ) : null}
      <Section id="endpoints" title={admin("endpoints")}>
        <ItemList items={endpoints} empty={admin("noEndpoints")}>
          {(endpoint) => (
            <li key={endpoint.id} className="grid gap-1 border border-line p-4">
              <p className="font-bold">{endpoint.name}</p>
              <p className="break-all">{endpoint.url}</p>
              <p className="text-sm text-muted">
                {admin("secretHint", { hint: endpoint.secretHint })} ·{" "}
                {admin(endpoint.active ? "active" : "inactive")} ·{" "}
                {admin("waiting", { count: endpoint.waiting })}
              </p>
              <ItemButtonForm
                action={toggleEndpoint}
                hidden={{ id: endpoint.id, active: endpoint.active ? "off" : "on" }}
                label={admin(endpoint.active ? "disable" : "enable")}
                item={endpoint.name}
                variant="secondary"
              />
            </li>
          )}
        </ItemList>
      </Section>
      <FormSection
        id="register"
        title={admin("register")}
        intro={admin("registerIntro")}
        action={registerEndpoint}
        fields={[
          field.text("name", admin("endpointName"), "off"),
          field.text("url", admin("endpointUrl"), "off", { hint: admin("endpointUrlHint") }),
          field.text("secret", admin("endpointSecret"), "off"),
        ]}
        submitLabel={admin("register")}
      />
      <Section id="tokens" title={admin("tokens")}>
        <p>{admin("tokensIntro")}</p>
        <ItemList items={tokens} empty={admin("noTokens")}>
          {(token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-4 border border-line p-4">
              <span className="font-bold">{token.name}</span>
              <span>{token.user.email}</span>
              <span className="text-sm text-muted">
                {token.lastUsedAt
                  ? admin("lastUsed", { at: formatDateTime(defaultLocale, token.lastUsedAt) })
                  : admin("neverUsed")}
              </span>
              <ItemButtonForm
                action={revokeToken}
                hidden={{ id: token.id }}
                label={admin("revoke")}
                item={token.name}
                variant="warning"
              />
            </li>
          )}
        </ItemList>
      </Section>
      <FormSection
        id="make-token"
        title={admin("makeToken")}
        action={makeServiceToken}
        fields={[
          field.text("name", admin("tokenName"), "off"),
          field.email("email", admin("tokenAccount"), "off", { hint: admin("tokenAccountHint") }),
        ]}
        submitLabel={admin("makeToken")}
      />
    </StaffPage>
  );
}
