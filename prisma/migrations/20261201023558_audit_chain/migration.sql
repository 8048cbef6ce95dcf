-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "rowsChecked" INTEGER NOT NULL,
    "headId" BIGINT,
    "headHash" TEXT,
    "firstBadId" BIGINT,
    "problem" TEXT,
    "durationMs" INTEGER NOT NULL,
    "actorId" TEXT,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditVerification_at_idx" ON "AuditVerification"("at");

-- CreateIndex
CREATE INDEX "AuditLog_action_idx" ON "AuditLog"("action");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- The audit trail is a hash chain: every row's "hash" is the SHA-256 of a canonical serialisation
-- of the previous row's hash and every content column of this row. The serialisation is a JSON
-- array (so NULLs and separators cannot be confused) whose "detail" element is jsonb, whose text
-- form is canonical (keys deduplicated and sorted, fixed spacing). `npm run audit:verify`
-- recomputes it with this same function, so writer and verifier cannot disagree.
CREATE FUNCTION audit_log_digest(
    prev_hash TEXT, row_id BIGINT, at TIMESTAMP(3), actor_id TEXT, action TEXT, entity_type TEXT,
    entity_id TEXT, outcome TEXT, detail JSONB, ip TEXT
) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        prev_hash, row_id::TEXT, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor_id, action,
        entity_type, entity_id, outcome, detail, ip
    )::TEXT, 'UTF8')), 'hex')
$$;

-- Existing rows join the chain in id order, before the table becomes append-only.
DO $$
DECLARE
    previous TEXT := repeat('0', 64);
    r RECORD;
BEGIN
    FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
        UPDATE "AuditLog"
        SET "prevHash" = previous,
            "hash" = audit_log_digest(previous, r."id", r."at", r."actorId", r."action", r."entityType",
                                      r."entityId", r."outcome"::TEXT, r."detail", r."ip")
        WHERE "id" = r."id"
        RETURNING "hash" INTO previous;
    END LOOP;
END $$;

-- Appends are serialised by a transaction-scoped advisory lock keyed on the table, so two writers
-- can never read the same predecessor. An id drawn before the lock that is not above the last
-- committed one (its writer waited while a later id committed) is replaced by a fresh one, so id
-- order is always chain order. Under REPEATABLE READ or
-- SERIALIZABLE the read below would not see a row committed after the transaction's snapshot and
-- the chain would fork, so those levels are refused here rather than forking silently.
CREATE FUNCTION audit_log_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    previous TEXT;
    previous_id BIGINT;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit rows are appended only in READ COMMITTED transactions (the chain would fork)';
    END IF;
    PERFORM pg_advisory_xact_lock(TG_RELID::BIGINT);
    EXECUTE format('SELECT "id", "hash" FROM %I.%I ORDER BY "id" DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        INTO previous_id, previous;
    IF NEW."id" <= previous_id THEN
        NEW."id" := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
    END IF;
    NEW."prevHash" := coalesce(previous, repeat('0', 64));
    NEW."hash" := audit_log_digest(NEW."prevHash", NEW."id", NEW."at", NEW."actorId", NEW."action",
                                   NEW."entityType", NEW."entityId", NEW."outcome"::TEXT, NEW."detail", NEW."ip");
    RETURN NEW;
END $$;

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- The trail is append-only: the application's own connection cannot change or remove a row.
CREATE FUNCTION audit_log_refuse_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
