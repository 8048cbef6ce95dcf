-- CreateEnum
CREATE TYPE "GuideFileKind" AS ENUM ('BLANK_FORM', 'SAMPLE', 'RESULT_SAMPLE');

-- CreateTable
CREATE TABLE "GuideFile" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "kind" "GuideFileKind" NOT NULL,
    "materialId" TEXT,
    "slug" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuideFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuideFile_serviceId_slug_key" ON "GuideFile"("serviceId", "slug");

-- AddForeignKey
ALTER TABLE "GuideFile" ADD CONSTRAINT "GuideFile_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
