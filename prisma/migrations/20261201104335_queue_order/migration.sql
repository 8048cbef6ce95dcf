-- CreateIndex
CREATE INDEX "Application_serviceId_promisedDue_submittedAt_idx" ON "Application"("serviceId", "promisedDue", "submittedAt");
