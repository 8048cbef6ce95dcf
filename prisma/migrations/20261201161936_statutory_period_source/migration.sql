-- CreateEnum
CREATE TYPE "DayCount" AS ENUM ('WORKING', 'CALENDAR');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "statutoryDayCount" "DayCount" NOT NULL DEFAULT 'WORKING',
ADD COLUMN     "statutorySource" TEXT,
ALTER COLUMN "statutoryDays" DROP NOT NULL;
