-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('CONSULTATION', 'SUGGESTION', 'COMPLAINT', 'HELP', 'REPORT');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'REFUSED', 'FORWARDED', 'REPLIED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "LetterRating" AS ENUM ('SATISFIED', 'FAIRLY_SATISFIED', 'UNSATISFIED');

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "accessCode" TEXT NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "departmentId" TEXT,
    "forwardedFromId" TEXT,
    "subject" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "consentToPublish" BOOLEAN NOT NULL,
    "writerId" TEXT,
    "status" "LetterStatus" NOT NULL DEFAULT 'SUBMITTED',
    "acceptedOn" DATE,
    "dueOn" DATE,
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "replyText" TEXT,
    "repliedOn" DATE,
    "workingDays" INTEGER,
    "rating" "LetterRating",
    "ratedAt" TIMESTAMP(3),
    "publicSubject" TEXT,
    "publicContent" TEXT,
    "publicReply" TEXT,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterEvent" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "fromStatus" "LetterStatus",
    "toStatus" "LetterStatus",
    "reason" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Letter_number_key" ON "Letter"("number");

-- CreateIndex
CREATE INDEX "Letter_departmentId_status_idx" ON "Letter"("departmentId", "status");

-- CreateIndex
CREATE INDEX "Letter_status_publishedAt_idx" ON "Letter"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Letter_writerId_idx" ON "Letter"("writerId");

-- CreateIndex
CREATE INDEX "LetterEvent_letterId_createdAt_idx" ON "LetterEvent"("letterId", "createdAt");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_writerId_fkey" FOREIGN KEY ("writerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterEvent" ADD CONSTRAINT "LetterEvent_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
