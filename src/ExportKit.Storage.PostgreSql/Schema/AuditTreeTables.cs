namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Schema step 4: the audit trail's transparency log, with the rules of the SQLite package's step 4.
/// <c>audit_tree_hashes</c> holds the Merkle tree's stored hashes in the layout of Go's checksum database
/// (golang.org/x/mod/sumdb/tlog: one row per complete subtree, never changed); <c>audit_leaves</c> the leaf bytes of
/// each event (personal data in them only as commitments); <c>audit_commitments</c> the commitments with their salts,
/// kept apart from the events so that erasure can delete a salt. Hashes and leaves are append-only by trigger; a
/// commitment may only have its salt set to NULL; an event may only have its personal values erased, and only when it
/// has commitments. Shipped once released: never edit, add a step.
/// </summary>
internal static class AuditTreeTables
{
    public const string Sql = """
        CREATE TABLE audit_tree_hashes (
            hash_index bigint PRIMARY KEY CHECK (hash_index >= 0),
            hash       bytea  NOT NULL CHECK (octet_length(hash) = 32)
        );

        CREATE TABLE audit_leaves (
            sequence bigint PRIMARY KEY REFERENCES audit_events (sequence),
            data     bytea  NOT NULL CHECK (octet_length(data) > 0)
        );

        CREATE TABLE audit_commitments (
            sequence   bigint NOT NULL REFERENCES audit_leaves (sequence),
            field      text COLLATE "C" NOT NULL CHECK (length(field) > 0),
            commitment bytea  NOT NULL CHECK (octet_length(commitment) = 32),
            salt       bytea  CHECK (salt IS NULL OR octet_length(salt) = 32),
            PRIMARY KEY (sequence, field)
        );

        CREATE TRIGGER audit_tree_hashes_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_tree_hashes
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_tree_hashes_no_truncate BEFORE TRUNCATE ON audit_tree_hashes
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_leaves_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_leaves
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_leaves_no_truncate BEFORE TRUNCATE ON audit_leaves
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();

        CREATE FUNCTION exportkit_audit_commitments_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.field IS DISTINCT FROM OLD.field
               OR NEW.commitment IS DISTINCT FROM OLD.commitment OR NEW.salt IS NOT NULL THEN
                RAISE EXCEPTION 'audit_commitments allows only erasing a salt'
                    USING ERRCODE = 'restrict_violation',
                          HINT = 'ExportKit only sets a salt to NULL, to erase personal data.';
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER audit_commitments_erase_only BEFORE UPDATE ON audit_commitments
            FOR EACH ROW EXECUTE FUNCTION exportkit_audit_commitments_erase_only();
        CREATE TRIGGER audit_commitments_no_delete BEFORE DELETE ON audit_commitments
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_commitments_no_truncate BEFORE TRUNCATE ON audit_commitments
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();

        -- Erasure: an event with commitments may have its personal values removed (scalars set to NULL, JSON rewritten);
        -- every other column stays as recorded. The leaf still fixes what the values were committed to.
        CREATE FUNCTION exportkit_audit_events_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.id IS DISTINCT FROM OLD.id
               OR NEW."timestamp" IS DISTINCT FROM OLD."timestamp" OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
               OR NEW.event_type IS DISTINCT FROM OLD.event_type OR NEW.severity IS DISTINCT FROM OLD.severity
               OR NEW.actor_type IS DISTINCT FROM OLD.actor_type OR NEW.resource_type IS DISTINCT FROM OLD.resource_type
               OR NEW.resource_id IS DISTINCT FROM OLD.resource_id OR NEW.has_request IS DISTINCT FROM OLD.has_request
               OR NEW.request_id IS DISTINCT FROM OLD.request_id OR NEW.request_trace_id IS DISTINCT FROM OLD.request_trace_id
               OR NEW.previous_hash IS DISTINCT FROM OLD.previous_hash OR NEW.hash IS DISTINCT FROM OLD.hash
               OR (NEW.user_id IS DISTINCT FROM OLD.user_id AND NEW.user_id IS NOT NULL)
               OR (NEW.request_ip_address IS DISTINCT FROM OLD.request_ip_address AND NEW.request_ip_address IS NOT NULL)
               OR (NEW.request_forwarded_for IS DISTINCT FROM OLD.request_forwarded_for AND NEW.request_forwarded_for IS NOT NULL)
               OR (NEW.request_user_agent IS DISTINCT FROM OLD.request_user_agent AND NEW.request_user_agent IS NOT NULL)
               OR NOT EXISTS (SELECT 1 FROM audit_commitments WHERE sequence = OLD.sequence) THEN
                RAISE EXCEPTION 'audit_events is append-only: only the erasure of committed personal data is allowed'
                    USING ERRCODE = 'restrict_violation',
                          HINT = 'ExportKit never changes or deletes these rows; restore from a backup instead.';
            END IF;
            RETURN NEW;
        END;
        $$;
        DROP TRIGGER audit_events_no_update_or_delete ON audit_events;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_events_erase_only BEFORE UPDATE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION exportkit_audit_events_erase_only();
        """;
}
