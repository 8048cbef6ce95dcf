-- AlterEnum
ALTER TYPE "DisclosureStatus" ADD VALUE 'FEE_PENDING';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "court" TEXT,
ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "letterPrefix" TEXT,
ADD COLUMN     "reviewBody" TEXT;

-- AlterTable
ALTER TABLE "DisclosureRequest" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'online';
