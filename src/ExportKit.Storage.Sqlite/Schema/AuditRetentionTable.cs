namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Schema step 5: retention. <c>audit_retention</c> records each pruning (the cut, the chain hash the first remaining
/// event links to, the date, and the checkpoint kept as the trust anchor); it is append-only and its cut only moves
/// forward, never to the newest event or leaf, and must name a stored event by its hash. The DELETE triggers of the events,
/// leaves and commitments are replaced by ones that allow exactly one deletion: rows at or below the recorded cut. A
/// plain <c>DELETE</c> of any newer row is still refused, so removing recent history needs the retention row first,
/// which verification checks against the signed checkpoint in it. Tree hashes are never deleted. Part of a shipped step
/// once released: never edit, add a step.
/// </summary>
internal static class AuditRetentionTable
{
    public const string Sql = """
        CREATE TABLE audit_retention (
            cut           INTEGER NOT NULL PRIMARY KEY CHECK (cut >= 1),
            previous_hash TEXT    NOT NULL CHECK (length(previous_hash) > 0),
            pruned_before TEXT    NOT NULL CHECK (length(pruned_before) = 28),
            pruned_at     TEXT    NOT NULL CHECK (length(pruned_at) = 28),
            checkpoint    TEXT    NOT NULL CHECK (length(checkpoint) > 0)
        ) STRICT;

        CREATE TRIGGER audit_retention_forward_only BEFORE INSERT ON audit_retention
        WHEN NEW.cut <= (SELECT coalesce(max(cut), 0) FROM audit_retention)
          OR NEW.cut >= (SELECT coalesce(max(sequence), 0) FROM audit_events)
          OR NEW.cut >= (SELECT coalesce(max(sequence), 0) FROM audit_leaves)
          OR NOT EXISTS (SELECT 1 FROM audit_events WHERE sequence = NEW.cut AND hash = NEW.previous_hash)
        BEGIN SELECT RAISE(ABORT, 'audit_retention: the cut only moves forward, keeps the newest event and leaf, and names a stored event by its hash'); END;
        CREATE TRIGGER audit_retention_no_update BEFORE UPDATE ON audit_retention
        BEGIN SELECT RAISE(ABORT, 'audit_retention is append-only'); END;
        CREATE TRIGGER audit_retention_no_delete BEFORE DELETE ON audit_retention
        BEGIN SELECT RAISE(ABORT, 'audit_retention is append-only'); END;

        DROP TRIGGER audit_events_no_delete;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        WHEN OLD.sequence > (SELECT coalesce(max(cut), 0) FROM audit_retention)
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: only events up to the retention cut may be deleted'); END;
        DROP TRIGGER audit_leaves_no_delete;
        CREATE TRIGGER audit_leaves_no_delete BEFORE DELETE ON audit_leaves
        WHEN OLD.sequence > (SELECT coalesce(max(cut), 0) FROM audit_retention)
        BEGIN SELECT RAISE(ABORT, 'audit_leaves is append-only: only leaves up to the retention cut may be deleted'); END;
        DROP TRIGGER audit_commitments_no_delete;
        CREATE TRIGGER audit_commitments_no_delete BEFORE DELETE ON audit_commitments
        WHEN OLD.sequence > (SELECT coalesce(max(cut), 0) FROM audit_retention)
        BEGIN SELECT RAISE(ABORT, 'audit_commitments is append-only: only commitments up to the retention cut may be deleted'); END;
        """;
}
