-- CreateEnum
CREATE TYPE "LetterExtension" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LetterStatus" ADD VALUE 'MERGED';
ALTER TYPE "LetterStatus" ADD VALUE 'DRAFTED';
ALTER TYPE "LetterStatus" ADD VALUE 'SIGNED_OFF';
ALTER TYPE "LetterStatus" ADD VALUE 'REOPENED';

-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'LETTER_HANDLER';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "letterId" TEXT;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "draftedById" TEXT,
ADD COLUMN     "extension" "LetterExtension",
ADD COLUMN     "extensionRequestedById" TEXT,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "reopened" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sentBack" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
