-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Job_failedAt_idx" ON "Job"("failedAt");

-- jobs that used up their attempts used to wait for ever without a state: they are dead letters now
UPDATE "Job" SET "failedAt" = CURRENT_TIMESTAMP WHERE "doneAt" IS NULL AND "attempts" >= 5;
