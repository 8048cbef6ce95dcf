/**
 * Signed-in sessions for the benchmark, written straight into the database while the server is
 * stopped: a session row as lib/auth/sessions.ts opens one (its id the SHA-256 of the secret, a
 * staff row with its second factor given) and next-auth's cookie carrying the secret, signed
 * with the server's NEXTAUTH_SECRET. Also the pages each signed-in row loads.
 */
import { createHash, randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { PrismaClient } from "../lib/db/generated/client";
import { load, toLoad, type TLoad } from "./measure";

const hours = 3600_000;

/** A cookie header that signs `email` in through `portal`. */
export async function sessionCookie(
  prisma: PrismaClient,
  input: { email: string; portal: "public" | "staff"; secret: string },
): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: input.email } });
  const sid = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.userSession.create({
    data: {
      id: createHash("sha256").update(sid).digest("base64url"),
      userId: user.id,
      portal: input.portal,
      createdAt: now,
      // a run is short, but the idle limit counts from here: use keeps it alive
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 8 * hours),
      userAgent: "onestop bench",
      secondFactorAt: input.portal === "staff" ? now : null,
    },
  });
  const token = await encode({ secret: input.secret, maxAge: 8 * 3600, token: { sub: user.id, sid } });
  // served over http in the bench: the cookie has no __Secure- prefix
  return `next-auth.session-token=${token}`;
}

export type TSignedInPage = { name: string; path: string; cookie: string };

/**
 * The signed-in pages of goal 2: the citizen's account, one of the citizen's cases, the staff
 * queue (a caseworker's) and the disclosure officer's list of requests.
 */
export async function signedInPages(prisma: PrismaClient, secret: string): Promise<TSignedInPage[]> {
  const citizen = await sessionCookie(prisma, { email: "citizen@example.cn", portal: "public", secret });
  const caseworker = await sessionCookie(prisma, { email: "caseworker@example.cn", portal: "staff", secret });
  const officer = await sessionCookie(prisma, { email: "officer@example.cn", portal: "staff", secret });
  const own = await prisma.application.findFirstOrThrow({
    where: { applicant: { email: "citizen@example.cn" } },
    orderBy: { submittedAt: "desc" },
    select: { trackingNumber: true },
  });
  return [
    { name: "account (signed in)", path: "/zh-Hans/account", cookie: citizen },
    { name: "case page (signed in)", path: `/zh-Hans/account/cases/${own.trackingNumber}`, cookie: citizen },
    { name: "staff queue (signed in)", path: "/staff", cookie: caseworker },
    { name: "disclosure officer's list", path: "/staff/requests", cookie: officer },
  ];
}

/** Goal 2 of issue 13: every signed-in page at 50 connections. */
export const signedInTarget = { rps: 300, p99Ms: 150 };

export type TSignedInResult = TSignedInPage & { bytes: number; app: TLoad; met: boolean };

/**
 * Waits until the server has worked off what the last page's load left behind: the load tool
 * stops counting at the end of its run, but the requests it still had open are rendered all the
 * same, and the next page would be measured behind them. Settled means the health check (which
 * reads the database) answers within 100 ms twice in a row; a minute at most.
 */
export async function settle(base: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (let quick = 0; quick < 2 && Date.now() < until;) {
    const started = performance.now();
    await fetch(`${base}/api/health`)
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
    quick = performance.now() - started < 100 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Each signed-in page under load with its session cookie (first checked to answer 200 to that
 * cookie, not a redirect to sign-in), for the same time and connections as the public pages.
 */
export async function measureSignedIn(
  base: string,
  pages: TSignedInPage[],
  options: { duration: number; connections: number },
): Promise<Omit<TSignedInResult, "cookie">[]> {
  const results: Omit<TSignedInResult, "cookie">[] = [];
  for (const page of pages) {
    await settle(base);
    const response = await fetch(`${base}${page.path}`, {
      headers: { cookie: page.cookie },
      redirect: "manual",
    });
    if (response.status !== 200)
      throw new Error(`${page.path} answered ${response.status} to a signed-in request`);
    const bytes = (await response.arrayBuffer()).byteLength;
    const app = toLoad(
      await load({
        url: `${base}${page.path}`,
        connections: options.connections,
        duration: options.duration,
        headers: { cookie: page.cookie },
      }),
    );
    const met = app.rps >= signedInTarget.rps && app.p99 < signedInTarget.p99Ms && app.non2xx === 0;
    results.push({ name: page.name, path: page.path, bytes, app, met });
    console.log(`  ${page.name}: ${app.rps.toFixed(1)} req/s (p99 ${app.p99} ms, ${app.non2xx} non-2xx)`);
  }
  return results;
}
