/**
 * Signed-in sessions for the benchmark, written straight into the database while the server is
 * stopped: a session row as lib/auth/sessions.ts opens one (its id the SHA-256 of the secret, a
 * staff row with its second factor given) and next-auth's cookie carrying the secret, signed
 * with the server's NEXTAUTH_SECRET. Also the pages each signed-in row loads.
 */
import { createHash, randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { PrismaClient } from "../lib/db/generated/client";

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
    orderBy: { createdAt: "desc" },
    select: { trackingNumber: true },
  });
  return [
    { name: "account (signed in)", path: "/zh-Hans/account", cookie: citizen },
    { name: "case page (signed in)", path: `/zh-Hans/account/cases/${own.trackingNumber}`, cookie: citizen },
    { name: "staff queue (signed in)", path: "/staff", cookie: caseworker },
    { name: "disclosure officer's list", path: "/staff/requests", cookie: officer },
  ];
}
