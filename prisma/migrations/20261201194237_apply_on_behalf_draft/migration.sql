-- AlterTable
ALTER TABLE "ApplicationDraft" ADD COLUMN     "onBehalf" JSONB;
