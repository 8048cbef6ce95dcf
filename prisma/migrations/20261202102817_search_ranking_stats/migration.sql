-- CreateTable
CREATE TABLE "SearchGramCount" (
    "gram" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,

    CONSTRAINT "SearchGramCount_pkey" PRIMARY KEY ("gram")
);

-- CreateTable
CREATE TABLE "SearchFieldLength" (
    "field" TEXT NOT NULL,
    "entries" INTEGER NOT NULL,
    "chars" BIGINT NOT NULL,

    CONSTRAINT "SearchFieldLength_pkey" PRIMARY KEY ("field")
);

-- CreateIndex
CREATE INDEX "SearchEntry_type_sortAt_idx" ON "SearchEntry"("type", "sortAt" DESC);

-- Backfill from an index written before these tables existed (rebuildSearchIndex and
-- refreshSearchEntry keep them from now on): each entry counts once per gram it holds in its
-- heading or body grams.
INSERT INTO "SearchGramCount" ("gram", "entries")
SELECT g, count(*)::int FROM "SearchEntry" e, LATERAL (SELECT DISTINCT unnest(e."headGrams" || e."bodyGrams") AS g) x
GROUP BY g;

INSERT INTO "SearchFieldLength" ("field", "entries", "chars")
SELECT 'title', count(*) FILTER (WHERE "titleNorm" <> ''), coalesce(sum(char_length("titleNorm")), 0) FROM "SearchEntry"
UNION ALL SELECT 'titleEn', count(*) FILTER (WHERE "titleEnNorm" <> ''), coalesce(sum(char_length("titleEnNorm")), 0) FROM "SearchEntry"
UNION ALL SELECT 'meta', count(*) FILTER (WHERE "metaNorm" <> ''), coalesce(sum(char_length("metaNorm")), 0) FROM "SearchEntry"
UNION ALL SELECT 'body', count(*) FILTER (WHERE b."text" <> ''), coalesce(sum(char_length(b."text")), 0) FROM "SearchBody" b;
