-- CreateEnum
CREATE TYPE "LetterChannel" AS ENUM ('WEBSITE', 'HOTLINE');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "service" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "callerPhone" TEXT,
ADD COLUMN     "channel" "LetterChannel" NOT NULL DEFAULT 'WEBSITE',
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "externalRef" TEXT,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "webhookSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_createdAt_idx" ON "WebhookDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_letterId_sequence_key" ON "WebhookDelivery"("endpointId", "letterId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_createdById_idempotencyKey_key" ON "Letter"("createdById", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
