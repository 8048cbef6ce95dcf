-- AlterTable
ALTER TABLE "DisclosureDocument" ADD COLUMN     "interpretsId" TEXT;

-- CreateIndex
CREATE INDEX "DisclosureDocument_interpretsId_idx" ON "DisclosureDocument"("interpretsId");

-- AddForeignKey
ALTER TABLE "DisclosureDocument" ADD CONSTRAINT "DisclosureDocument_interpretsId_fkey" FOREIGN KEY ("interpretsId") REFERENCES "DisclosureDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;
