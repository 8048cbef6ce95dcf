import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";

/**
 * The authorization code flow with PKCE against an OpenID Connect provider, spoken in plain HTTP
 * (fetch and a cookie jar) as a relying party and a browser would: the authorization request,
 * the platform's identity picker, the code at the redirect URI, the token request with the client
 * secret and code verifier, and the ID token's RS256 signature checked against the issuer's keys.
 * Returns the ID token's claims.
 */
export async function codeFlow(input: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  /** the identity to pick on the platform's sign-in page */
  subject: string;
}): Promise<Record<string, unknown>> {
  const discovery = (await (await fetch(`${input.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
    jwks_uri: string;
    issuer: string;
  };
  const jar = new Map<string, string>();
  const browse = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    response_type: "code",
    scope: input.scope,
    state,
    prompt: "login",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  let response = await browse(authorize.href);
  let location = new URL(response.headers.get("location")!, input.issuer).href;
  const picker = await browse(location);
  const form = /action="([^"]+)"/.exec(await picker.text());
  if (!form) throw new Error("the platform showed no identity picker");
  response = await browse(new URL(form[1], input.issuer).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ sub: input.subject }).toString(),
  });
  // the platform resumes the authorization, then sends the browser to the redirect URI with the code
  while ((location = response.headers.get("location") ?? "") && !location.startsWith(input.redirectUri))
    response = await browse(new URL(location, input.issuer).href);
  const back = new URL(location);
  if (back.searchParams.get("state") !== state) throw new Error(`state lost: ${location}`);
  const code = back.searchParams.get("code");
  if (!code) throw new Error(`no code: ${location}`);
  const token = await fetch(discovery.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(input.clientId)}:${encodeURIComponent(input.clientSecret)}`).toString("base64")}`,
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: input.redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
  if (!token.ok) throw new Error(`token endpoint: ${token.status} ${await token.text()}`);
  const { id_token: idToken } = (await token.json()) as { id_token: string };
  const [header, payload, signature] = idToken.split(".");
  const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as {
    kid: string;
    alg: string;
  };
  if (alg !== "RS256") throw new Error(`unexpected algorithm ${alg}`);
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string }[] };
  const key = createPublicKey({ key: keys.find((k) => k.kid === kid)!, format: "jwk" });
  if (!verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url")))
    throw new Error("ID token signature does not verify");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  if (claims.iss !== discovery.issuer || claims.aud !== input.clientId)
    throw new Error("ID token not for us");
  return claims;
}
