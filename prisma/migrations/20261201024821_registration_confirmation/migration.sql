-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil",
ADD COLUMN     "confirmExpiresAt" TIMESTAMP(3),
ADD COLUMN     "confirmTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_confirmTokenHash_key" ON "User"("confirmTokenHash");
