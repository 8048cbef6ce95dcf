-- AlterTable
ALTER TABLE "Notice" DROP COLUMN "mailQueuedAt";
