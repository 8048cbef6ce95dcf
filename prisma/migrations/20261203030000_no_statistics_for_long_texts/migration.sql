-- No planner statistics for columns that no query filters, joins or sorts on: the long texts and
-- the body grams. ANALYZE detoasted every sampled value (30,000 rows a table) to build statistics
-- the plans never use: a body gram array is only matched through its GIN index, for a form the
-- index's own counts chose, or checked row by row in a window of a size the search computes. On the
-- embedded database each table's VACUUM (ANALYZE) is one statement holding its only connection: at
-- a million documents the nightly pass took 6.2–7.5 s with these statistics and 4.4–4.8 s without
-- ("SearchEntry" 2.4 → 1.2–1.4 s, "DisclosureDocument" 1.8 → 1.1–1.2 s). Other columns keep theirs;
-- statistics an earlier ANALYZE built for these columns stay where they are, unused by any plan.
ALTER TABLE "SearchEntry" ALTER COLUMN "bodyGrams" SET STATISTICS 0;
ALTER TABLE "SearchBody" ALTER COLUMN "text" SET STATISTICS 0;
ALTER TABLE "DisclosureDocument" ALTER COLUMN "body" SET STATISTICS 0;
ALTER TABLE "Notice" ALTER COLUMN "body" SET STATISTICS 0;
