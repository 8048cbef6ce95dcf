-- CreateIndex
CREATE INDEX "Application_applicantId_submittedAt_idx" ON "Application"("applicantId", "submittedAt");
