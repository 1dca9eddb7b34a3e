namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Schema step 4: the audit trail's transparency log. <c>audit_tree_hashes</c> holds the Merkle tree's stored hashes in
/// the layout of Go's checksum database (golang.org/x/mod/sumdb/tlog: one row per complete subtree, never changed);
/// <c>audit_leaves</c> the leaf bytes of each event (personal data in them only as commitments); and
/// <c>audit_commitments</c> the commitments with their salts, kept apart from the events so that erasure can delete a
/// salt (the only change the database allows: a salt set to NULL). All <c>STRICT</c>, append-only by trigger, and
/// written in the same transaction as the event. Part of a shipped step once released: never edit, add a step.
/// </summary>
internal static class AuditTreeTables
{
    public const string Sql = """
        CREATE TABLE audit_tree_hashes (
            hash_index INTEGER NOT NULL PRIMARY KEY CHECK (hash_index >= 0),
            hash       BLOB    NOT NULL CHECK (length(hash) = 32)
        ) STRICT;

        CREATE TABLE audit_leaves (
            sequence INTEGER NOT NULL PRIMARY KEY REFERENCES audit_events (sequence),
            data     BLOB    NOT NULL CHECK (length(data) > 0)
        ) STRICT;

        CREATE TABLE audit_commitments (
            sequence   INTEGER NOT NULL REFERENCES audit_leaves (sequence),
            field      TEXT    NOT NULL CHECK (length(field) > 0),
            commitment BLOB    NOT NULL CHECK (length(commitment) = 32),
            salt       BLOB    CHECK (salt IS NULL OR length(salt) = 32),
            PRIMARY KEY (sequence, field)
        ) STRICT, WITHOUT ROWID;

        CREATE TRIGGER audit_tree_hashes_no_replace BEFORE INSERT ON audit_tree_hashes
        WHEN EXISTS (SELECT 1 FROM audit_tree_hashes WHERE hash_index = NEW.hash_index)
        BEGIN SELECT RAISE(ABORT, 'audit_tree_hashes is append-only: the index is already stored'); END;
        CREATE TRIGGER audit_tree_hashes_no_update BEFORE UPDATE ON audit_tree_hashes
        BEGIN SELECT RAISE(ABORT, 'audit_tree_hashes is append-only'); END;
        CREATE TRIGGER audit_tree_hashes_no_delete BEFORE DELETE ON audit_tree_hashes
        BEGIN SELECT RAISE(ABORT, 'audit_tree_hashes is append-only'); END;

        CREATE TRIGGER audit_leaves_no_replace BEFORE INSERT ON audit_leaves
        WHEN EXISTS (SELECT 1 FROM audit_leaves WHERE sequence = NEW.sequence)
        BEGIN SELECT RAISE(ABORT, 'audit_leaves is append-only: the sequence is already stored'); END;
        CREATE TRIGGER audit_leaves_no_update BEFORE UPDATE ON audit_leaves
        BEGIN SELECT RAISE(ABORT, 'audit_leaves is append-only'); END;
        CREATE TRIGGER audit_leaves_no_delete BEFORE DELETE ON audit_leaves
        BEGIN SELECT RAISE(ABORT, 'audit_leaves is append-only'); END;

        CREATE TRIGGER audit_commitments_no_replace BEFORE INSERT ON audit_commitments
        WHEN EXISTS (SELECT 1 FROM audit_commitments WHERE sequence = NEW.sequence AND field = NEW.field)
        BEGIN SELECT RAISE(ABORT, 'audit_commitments is append-only: the field is already stored'); END;
        CREATE TRIGGER audit_commitments_erase_only BEFORE UPDATE ON audit_commitments
        WHEN NEW.sequence IS NOT OLD.sequence OR NEW.field IS NOT OLD.field OR NEW.commitment IS NOT OLD.commitment OR NEW.salt IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'audit_commitments allows only erasing a salt'); END;
        CREATE TRIGGER audit_commitments_no_delete BEFORE DELETE ON audit_commitments
        BEGIN SELECT RAISE(ABORT, 'audit_commitments is append-only'); END;

        -- Erasure: an event with commitments may have its personal values removed (scalars set to NULL, JSON rewritten);
        -- every other column stays as recorded. The leaf still fixes what the values were committed to.
        DROP TRIGGER audit_events_no_update;
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        WHEN NEW.sequence IS NOT OLD.sequence OR NEW.id IS NOT OLD.id OR NEW.timestamp IS NOT OLD.timestamp
          OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.event_type IS NOT OLD.event_type OR NEW.severity IS NOT OLD.severity
          OR NEW.actor_type IS NOT OLD.actor_type OR NEW.resource_type IS NOT OLD.resource_type
          OR NEW.resource_id IS NOT OLD.resource_id OR NEW.has_request IS NOT OLD.has_request
          OR NEW.request_id IS NOT OLD.request_id OR NEW.request_trace_id IS NOT OLD.request_trace_id
          OR NEW.previous_hash IS NOT OLD.previous_hash OR NEW.hash IS NOT OLD.hash
          OR (NEW.user_id IS NOT OLD.user_id AND NEW.user_id IS NOT NULL)
          OR (NEW.request_ip_address IS NOT OLD.request_ip_address AND NEW.request_ip_address IS NOT NULL)
          OR (NEW.request_forwarded_for IS NOT OLD.request_forwarded_for AND NEW.request_forwarded_for IS NOT NULL)
          OR (NEW.request_user_agent IS NOT OLD.request_user_agent AND NEW.request_user_agent IS NOT NULL)
          OR NOT EXISTS (SELECT 1 FROM audit_commitments WHERE sequence = OLD.sequence)
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: only the erasure of committed personal data is allowed'); END;
        """;
}
