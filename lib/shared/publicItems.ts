// No "server-only" marker: the search index (used by tsx scripts too) reads these rules.
import type { Prisma } from "../db/generated/client";
import { currentNoticeWhere } from "./noticeVisibility";

type TPublicItemWhere = {
  service: Prisma.ServiceWhereInput;
  document: Prisma.DisclosureDocumentWhereInput;
  notice: Prisma.NoticeWhereInput;
  letter: Prisma.LetterWhereInput;
  consultation: Prisma.ConsultationWhereInput;
};

/**
 * The rows of each kind of item anyone may see at `now`, each with a public page: the sitemap
 * lists them and the search index holds them. A letter is public only once published, as its
 * redacted copy; a consultation from its opening (never a draft).
 */
export function publicItemWhere(now: Date): TPublicItemWhere {
  return {
    service: { published: true },
    document: { status: "PUBLISHED" },
    notice: currentNoticeWhere(now),
    letter: { status: "PUBLISHED" },
    consultation: { status: { not: "DRAFT" } },
  };
}
