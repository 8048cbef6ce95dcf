-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "formSnapshot" JSONB;
