-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "titleNorm" TEXT NOT NULL,
    "titleEnNorm" TEXT NOT NULL DEFAULT '',
    "metaNorm" TEXT NOT NULL DEFAULT '',
    "headGrams" INTEGER[],
    "bodyGrams" INTEGER[],
    "sortAt" TIMESTAMP(3) NOT NULL,
    "visibleFrom" TIMESTAMP(3),
    "visibleUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchBody" (
    "entryId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "SearchBody_pkey" PRIMARY KEY ("entryId")
);

-- CreateTable
CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL,
    "terms" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchEntry_titleNorm_idx" ON "SearchEntry"("titleNorm");

-- CreateIndex
CREATE INDEX "SearchEntry_titleEnNorm_idx" ON "SearchEntry"("titleEnNorm");

-- CreateIndex
CREATE INDEX "SearchEntry_headGrams_idx" ON "SearchEntry" USING GIN ("headGrams");

-- CreateIndex
CREATE INDEX "SearchEntry_bodyGrams_idx" ON "SearchEntry" USING GIN ("bodyGrams");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_type_refId_key" ON "SearchEntry"("type", "refId");

-- AddForeignKey
ALTER TABLE "SearchBody" ADD CONSTRAINT "SearchBody_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "SearchEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
