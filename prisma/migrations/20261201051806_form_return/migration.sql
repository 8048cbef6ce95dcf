-- CreateTable
CREATE TABLE "FormReturn" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormReturn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FormReturn_createdAt_idx" ON "FormReturn"("createdAt");
