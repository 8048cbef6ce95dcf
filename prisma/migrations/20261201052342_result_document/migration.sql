-- CreateTable
CREATE TABLE "ResultDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "serviceType" "ServiceType" NOT NULL,
    "facts" JSONB NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_applicationId_key" ON "ResultDocument"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_verificationCode_key" ON "ResultDocument"("verificationCode");

-- AddForeignKey
ALTER TABLE "ResultDocument" ADD CONSTRAINT "ResultDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
