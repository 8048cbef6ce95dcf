-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Notice_urgent_status_publishedAt_idx" ON "Notice"("urgent", "status", "publishedAt");

-- notices already published as 【紧急】 are urgent
UPDATE "Notice" SET "urgent" = true WHERE "title" LIKE '【紧急】%';
