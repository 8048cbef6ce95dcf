-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "indexByCreditCode" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "issuerOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DocumentAlias" (
    "indexNo" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentAlias_pkey" PRIMARY KEY ("indexNo")
);

-- CreateIndex
CREATE INDEX "DocumentAlias_documentId_idx" ON "DocumentAlias"("documentId");

-- AddForeignKey
ALTER TABLE "DocumentAlias" ADD CONSTRAINT "DocumentAlias_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "DisclosureDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
