-- CreateEnum
CREATE TYPE "AssuranceLevel" AS ENUM ('REGISTERED', 'PHONE_VERIFIED', 'REAL_NAME');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "applicantIdentity" JSONB,
ADD COLUMN     "principalIdNumber" TEXT,
ADD COLUMN     "principalName" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "requiredLevel" "AssuranceLevel" NOT NULL DEFAULT 'REGISTERED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "agentIdNumber" TEXT,
ADD COLUMN     "agentName" TEXT,
ADD COLUMN     "identityAssurance" TEXT,
ADD COLUMN     "realNameVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedIdNumber" TEXT,
ADD COLUMN     "verifiedName" TEXT;

-- CreateTable
CREATE TABLE "UserIdentity" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT,
    "email" TEXT,
    "portal" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "UserIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserIdentity_userId_idx" ON "UserIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_issuer_subject_key" ON "UserIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_issuer_email_key" ON "UserIdentity"("issuer", "email");

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- most 行政许可 need a real-name applicant (issue 17)
UPDATE "Service" SET "requiredLevel" = 'REAL_NAME' WHERE "type" = 'LICENSING';
