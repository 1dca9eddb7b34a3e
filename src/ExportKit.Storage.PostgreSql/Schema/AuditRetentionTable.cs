namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Schema step 5: retention, with the rules of the SQLite package's step 5. <c>audit_retention</c> records each pruning
/// (the cut, the chain hash the first remaining event links to, the dates, and the checkpoint kept as the trust anchor);
/// it is append-only and its cut only moves forward, never to the newest event or leaf, and must name a stored event by
/// its hash. The DELETE triggers of the events, leaves and commitments are replaced by ones that allow exactly one
/// deletion: rows at or below the recorded cut, so removing recent history needs the retention row first, which
/// verification checks against the signed checkpoint in it and the chain's own record of the prune. Tree hashes are
/// never deleted. Shipped once released: never edit, add a step.
/// </summary>
internal static class AuditRetentionTable
{
    public const string Sql = """
        CREATE TABLE audit_retention (
            cut           bigint PRIMARY KEY CHECK (cut >= 1),
            previous_hash text COLLATE "C" NOT NULL CHECK (length(previous_hash) > 0),
            pruned_before text COLLATE "C" NOT NULL CHECK (length(pruned_before) = 28),
            pruned_at     text COLLATE "C" NOT NULL CHECK (length(pruned_at) = 28),
            checkpoint    text COLLATE "C" NOT NULL CHECK (length(checkpoint) > 0)
        );

        CREATE FUNCTION exportkit_audit_retention_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.cut <= (SELECT coalesce(max(cut), 0) FROM audit_retention)
               OR NEW.cut >= (SELECT coalesce(max(sequence), 0) FROM audit_events)
               OR NEW.cut >= (SELECT coalesce(max(sequence), 0) FROM audit_leaves)
               OR NOT EXISTS (SELECT 1 FROM audit_events WHERE sequence = NEW.cut AND hash = NEW.previous_hash) THEN
                RAISE EXCEPTION 'audit_retention: the cut only moves forward, keeps the newest event and leaf, and names a stored event by its hash'
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER audit_retention_forward_only BEFORE INSERT ON audit_retention
            FOR EACH ROW EXECUTE FUNCTION exportkit_audit_retention_forward_only();
        CREATE TRIGGER audit_retention_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_retention
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_retention_no_truncate BEFORE TRUNCATE ON audit_retention
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();

        CREATE FUNCTION exportkit_delete_up_to_retention_cut() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.sequence > (SELECT coalesce(max(cut), 0) FROM audit_retention) THEN
                RAISE EXCEPTION '% is append-only: only rows up to the retention cut may be deleted', TG_TABLE_NAME
                    USING ERRCODE = 'restrict_violation',
                          HINT = 'ExportKit deletes only what retention pruned; restore from a backup instead.';
            END IF;
            RETURN OLD;
        END;
        $$;
        DROP TRIGGER audit_events_no_delete ON audit_events;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION exportkit_delete_up_to_retention_cut();
        DROP TRIGGER audit_leaves_no_update_or_delete ON audit_leaves;
        CREATE TRIGGER audit_leaves_no_update BEFORE UPDATE ON audit_leaves
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_leaves_no_delete BEFORE DELETE ON audit_leaves
            FOR EACH ROW EXECUTE FUNCTION exportkit_delete_up_to_retention_cut();
        DROP TRIGGER audit_commitments_no_delete ON audit_commitments;
        CREATE TRIGGER audit_commitments_no_delete BEFORE DELETE ON audit_commitments
            FOR EACH ROW EXECUTE FUNCTION exportkit_delete_up_to_retention_cut();
        """;
}
