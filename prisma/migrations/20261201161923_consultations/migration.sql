-- CreateEnum
CREATE TYPE "ConsultationKind" AS ENUM ('ORDINARY', 'MAJOR');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'FEEDBACK_PUBLISHED');

-- CreateEnum
CREATE TYPE "ConsultationCommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" "ConsultationKind" NOT NULL DEFAULT 'ORDINARY',
    "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
    "departmentId" TEXT NOT NULL,
    "authorId" TEXT,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "feedback" TEXT,
    "adoptedCount" INTEGER NOT NULL DEFAULT 0,
    "partlyAdoptedCount" INTEGER NOT NULL DEFAULT 0,
    "notAdoptedCount" INTEGER NOT NULL DEFAULT 0,
    "feedbackPublishedAt" TIMESTAMP(3),
    "finalDocumentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationComment" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "status" "ConsultationCommentStatus" NOT NULL DEFAULT 'PENDING',
    "rejectReason" TEXT,
    "moderatorId" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consultation_status_closesAt_idx" ON "Consultation"("status", "closesAt");

-- CreateIndex
CREATE INDEX "ConsultationComment_consultationId_status_createdAt_idx" ON "ConsultationComment"("consultationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ConsultationComment_authorId_idx" ON "ConsultationComment"("authorId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_finalDocumentId_fkey" FOREIGN KEY ("finalDocumentId") REFERENCES "DisclosureDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
