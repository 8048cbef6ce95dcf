import "server-only";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { ServiceType } from "../db/generated/enums";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { clientAddress } from "../http/clientAddress";
import { writeAudit } from "../audit/writeAudit";
import { countAttempt, refundAttempt, TooManyRequestsError } from "../throttle/throttle";
import { newVerificationCode } from "../identifiers/trackingNumbers";
import { getOwnCase } from "./ownCases";
import { staffCaseOrDeny } from "./staffCases";
import { applicantOnForm } from "./applicantOnForm";

export type TResultKind = "approval" | "denial";

/** What a generated result document says, kept as it was issued. */
const ZResultFacts = z.object({
  trackingNumber: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string().nullable(),
  departmentName: z.string(),
  departmentNameEn: z.string().nullable(),
  holderName: z.string(),
  /** the day of the decision (准予 / 不予), ISO */
  decidedAt: z.string(),
  /** a denial's reason, as the caseworker gave it */
  reason: z.string().nullable(),
  /** the 复议机关 and the court a denial names (absent from documents issued before they were kept) */
  reviewBody: z.string().nullable().optional(),
  court: z.string().nullable().optional(),
});
export type TResultFacts = z.infer<typeof ZResultFacts>;

export type TResultDocument = {
  verificationCode: string;
  kind: TResultKind;
  serviceType: ServiceType;
  facts: TResultFacts;
  issuedAt: Date;
};

/**
 * The wording of a document by the kind of service and the decision (locale keys under
 * `result:wording.*`): 准予/不予行政许可决定书 only for 行政许可 (行政许可法 Art. 38), 予以确认,
 * 予以备案, 予以给付, 予以奖励 for those powers, 予以登记 for a 公共服务, and a 不予办理通知书
 * for any other refusal.
 */
export function resultWording(serviceType: ServiceType, kind: TResultKind): string {
  if (kind === "denial") return serviceType === "LICENSING" ? "licensingDenial" : "denial";
  switch (serviceType) {
    case "LICENSING":
      return "licensingApproval";
    case "CONFIRMATION":
      return "confirmation";
    case "FILING":
      return "filing";
    case "PAYMENT":
      return "payment";
    case "REWARD":
      return "reward";
    case "PUBLIC_SERVICE":
      return "registration";
    case "ADJUDICATION":
    case "OTHER_POWER":
      return "approval";
  }
}

/** `ABCD-EFGH-JKMN-PQRS`: the code as printed. */
export const groupedCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

/** A typed code with spaces, hyphens and lower case forgiven; null when it cannot be one. */
export function normaliseVerificationCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, "").toUpperCase();
  return /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/.test(code) ? code : null;
}

/**
 * Issues the generated result document inside the 办结 transaction, from the case as it stands:
 * `decision` is the status the case is completed from (准予 or 不予).
 */
export async function issueResultDocument(
  tx: Prisma.TransactionClient,
  input: { applicationId: string; decision: "APPROVED" | "DENIED"; now: Date },
): Promise<void> {
  const found = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: {
      trackingNumber: true,
      decidedAt: true,
      answers: true,
      applicant: { select: { name: true } },
      service: {
        select: {
          type: true,
          name: true,
          nameEn: true,
          department: { select: { name: true, nameEn: true, reviewBody: true, court: true } },
        },
      },
      events: { where: { kind: "deny" }, orderBy: { createdAt: "desc" }, take: 1, select: { reason: true } },
    },
  });
  const kind: TResultKind = input.decision === "DENIED" ? "denial" : "approval";
  const facts: TResultFacts = {
    trackingNumber: found.trackingNumber,
    serviceName: found.service.name,
    serviceNameEn: found.service.nameEn,
    departmentName: found.service.department.name,
    departmentNameEn: found.service.department.nameEn,
    // addressed to the applicant the form names (the person or organisation), not the account
    holderName: applicantOnForm(found.answers, found.applicant.name),
    decidedAt: (found.decidedAt ?? input.now).toISOString(),
    reason: kind === "denial" ? (found.events[0]?.reason ?? null) : null,
    reviewBody: found.service.department.reviewBody,
    court: found.service.department.court,
  };
  await tx.resultDocument.create({
    data: {
      applicationId: input.applicationId,
      verificationCode: newVerificationCode(),
      kind,
      serviceType: found.service.type,
      facts,
      issuedAt: input.now,
    },
  });
}

const documentSelect = {
  verificationCode: true,
  kind: true,
  serviceType: true,
  facts: true,
  issuedAt: true,
} as const;

function asDocument(row: {
  verificationCode: string;
  kind: string;
  serviceType: ServiceType;
  facts: Prisma.JsonValue;
  issuedAt: Date;
}): TResultDocument {
  return {
    ...row,
    kind: row.kind === "denial" ? "denial" : "approval",
    facts: ZResultFacts.parse(row.facts),
  };
}

async function documentOf(prisma: Awaited<ReturnType<typeof clientOf>>, applicationId: string) {
  const row = await prisma.resultDocument.findUnique({ where: { applicationId }, select: documentSelect });
  return row ? asDocument(row) : null;
}

/** The generated result document of the signed-in citizen's own case; null for anyone else's (audited). */
export async function ownResultDocument(
  input: { actor: TSessionUser; trackingNumber: string } & TDbOption,
): Promise<TResultDocument | null> {
  const prisma = await clientOf(input);
  const found = await getOwnCase({ ...input, db: prisma });
  return found ? documentOf(prisma, found.id) : null;
}

/** The generated result document of a case, for staff of its department (anyone else: refused, audited). */
export async function staffResultDocument(
  input: { actor: TSessionUser; trackingNumber: string } & TDbOption,
): Promise<TResultDocument | null> {
  const prisma = await clientOf(input);
  const found = await staffCaseOrDeny(prisma, input.actor, input.trackingNumber, "case.resultDocument");
  return documentOf(prisma, found.id);
}

/**
 * The document a verification code belongs to, for /verify (no sign-in): limited per client
 * address like 查询码 lookups — the attempt is counted first and given back when the code was
 * right; a wrong code is audited (never the code itself). Throws TooManyRequestsError over the limit.
 */
export async function verifyResultDocument(
  input: { code: string } & TDbOption,
): Promise<TResultDocument | null> {
  const prisma = await clientOf(input);
  const key = { limit: "verifyCodeAddress", key: (await clientAddress()) ?? "unknown", db: prisma } as const;
  const audit = (action: string) =>
    writeAudit(prisma, { actorId: null, action, entityType: "ResultDocument", outcome: "DENIED" });
  try {
    await countAttempt(key);
  } catch (error) {
    if (error instanceof TooManyRequestsError) await audit("resultDocument.verifyThrottled");
    throw error;
  }
  const row = await prisma.resultDocument.findUnique({
    where: { verificationCode: input.code },
    select: documentSelect,
  });
  if (!row) {
    await audit("resultDocument.verifyFailed");
    return null;
  }
  await refundAttempt(key);
  return asDocument(row);
}

/** A name as /verify shows it to someone holding only the code: first and last character (张*明). */
export function maskedName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
