-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;
