import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { demoIdentities, type TDemoIdentity } from "./identities";

/**
 * A local identity platform for development and tests: a real OpenID Connect provider
 * (oidc-provider — discovery, authorization code with PKCE, ID tokens signed with its own keys)
 * whose only shortcut is the sign-in page: it lists the demo identities to pick from instead of
 * asking for a password. Never for production: any visitor can be anyone on the list.
 */
export type TPlatformClient = { clientId: string; clientSecret: string; redirectUri: string };
export type TPlatformOptions = {
  /** 0 picks a free port */
  port: number;
  host?: string;
  /** the citizen portal's client and the staff portal's (government sign-on) client */
  citizen: TPlatformClient;
  staff: TPlatformClient;
  identities?: TDemoIdentity[];
};
export type TPlatform = { issuer: string; port: number; close: () => Promise<void> };

/** The scopes the portal asks for, and the claims each releases. */
const claims = {
  // acr and amr (how the person authenticated) come from the sign-in, not the identity
  openid: ["sub", "acr", "amr"],
  profile: ["name"],
  email: ["email", "email_verified"],
  phone: ["phone_number", "phone_number_verified"],
  identity: ["account_type", "id_number", "credit_code", "agent_name", "agent_id_number", "assurance_level"],
};
export const platformScopes = Object.keys(claims).join(" ");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startIdentityPlatform(options: TPlatformOptions): Promise<TPlatform> {
  const identities = options.identities ?? demoIdentities;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const portalOf = (clientId: string) => (clientId === options.staff.clientId ? "staff" : "public");

  const client = (c: TPlatformClient) => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: [c.redirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  });
  const provider = new Provider(issuer, {
    clients: [client(options.citizen), client(options.staff)],
    claims,
    // the portal reads the identity from the ID token: put the granted claims in it
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // short lives: a development platform keeps everything in memory
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const identity = identities.find((i) => i.sub === sub);
      return identity && { accountId: sub, claims: async () => ({ sub, ...identity.claims }) };
    },
    // the portals are the platform's own clients: no consent page, every scope they ask for
    async loadExistingGrant(ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string; grantIdFor: (id: string) => string | undefined };
        result?: { consent?: { grantId?: string } };
        provider: { Grant: { new (x: object): TGrant; find: (id: string) => Promise<TGrant> } };
      };
    }) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope(platformScopes);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/pick)?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return callback(req, res);
    void interaction(req, res, match[2] === "/pick").catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, pick: boolean) {
    const details = await provider.interactionDetails(req, res);
    const portal = portalOf(String(details.params.client_id));
    const offered = identities.filter((i) => i.portal === portal);
    if (pick && req.method === "POST") {
      const body = new URLSearchParams(await readBody(req));
      const identity = offered.find((i) => i.sub === body.get("sub"));
      if (!identity) throw new Error("no such identity");
      const acr = identity.amr.includes("mfa") ? "urn:onestop:acr:mfa" : "urn:onestop:acr:pwd";
      return provider.interactionFinished(req, res, {
        login: { accountId: identity.sub, amr: identity.amr, acr, remember: false },
      });
    }
    const title =
      portal === "staff"
        ? "政务统一认证 Government sign-on (local)"
        : "统一身份认证平台 Identity platform (local)";
    const rows = offered
      .map(
        (i) =>
          `<li><button name="sub" value="${escapeHtml(i.sub)}">${escapeHtml(String(i.claims.name))}</button> ` +
          `<small>${escapeHtml(i.note)}</small></li>`,
      )
      .join("");
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${title}</title></head><body><main><h1>${title}</h1>` +
        `<p>A development identity platform: choose who you are. 本地测试用，选择身份即可登录。</p>` +
        `<form method="post" action="/interaction/${escapeHtml(details.uid)}/pick"><ul>${rows}</ul></form></main></body></html>`,
    );
  }

  return {
    issuer,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type TGrant = { addOIDCScope: (scope: string) => void; save: () => Promise<string> };

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 4096) throw new Error("body too large");
  }
  return body;
}
