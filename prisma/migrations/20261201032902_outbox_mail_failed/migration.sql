-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "failedAt" TIMESTAMP(3);
