namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The numbered steps that build the schema. A step, once shipped, is never edited: a change is a new step at the end.
/// The database records the steps it has in <c>schema_version</c>.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        SqliteMigration.FromSql(1, "export log, audit events and export registry, append-only", """
            CREATE TABLE export_log (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                timestamp   TEXT    NOT NULL,
                tenant_id   TEXT,
                facility_id TEXT,
                entry_type  TEXT    NOT NULL,
                user_id     TEXT    NOT NULL,
                json        TEXT    NOT NULL
            );
            CREATE INDEX ix_export_log_tenant_timestamp ON export_log (tenant_id, timestamp);
            CREATE INDEX ix_export_log_entry_type ON export_log (entry_type);

            CREATE TABLE audit_events (
                sequence              INTEGER PRIMARY KEY,
                id                    TEXT    NOT NULL UNIQUE,
                timestamp             TEXT    NOT NULL,
                tenant_id             TEXT    NOT NULL,
                event_type            TEXT    NOT NULL,
                severity              TEXT    NOT NULL,
                actor_type            TEXT    NOT NULL,
                user_id               TEXT,
                resource_type         TEXT,
                resource_id           TEXT,
                context_json          TEXT,
                has_request           INTEGER NOT NULL,
                request_ip_address    TEXT,
                request_forwarded_for TEXT,
                request_user_agent    TEXT,
                request_id            TEXT,
                request_trace_id      TEXT,
                before_json           TEXT,
                after_json            TEXT,
                diff_json             TEXT    NOT NULL,
                previous_hash         TEXT    NOT NULL,
                hash                  TEXT    NOT NULL
            );
            CREATE INDEX ix_audit_events_tenant_sequence ON audit_events (tenant_id, sequence);
            CREATE INDEX ix_audit_events_tenant_severity ON audit_events (tenant_id, severity);
            CREATE INDEX ix_audit_events_tenant_actor_type ON audit_events (tenant_id, actor_type);
            CREATE INDEX ix_audit_events_tenant_event_type ON audit_events (tenant_id, event_type);
            CREATE INDEX ix_audit_events_tenant_timestamp ON audit_events (tenant_id, timestamp);

            CREATE TABLE exports (
                export_id     TEXT    PRIMARY KEY,
                bundle_id     TEXT    NOT NULL,
                tenant_id     TEXT    NOT NULL,
                run_id        TEXT,
                category      TEXT    NOT NULL,
                format        TEXT    NOT NULL,
                sections_json TEXT    NOT NULL,
                storage_path  TEXT,
                size_bytes    INTEGER NOT NULL,
                sha256        TEXT    NOT NULL,
                created_at    TEXT    NOT NULL,
                created_by    TEXT    NOT NULL
            );
            CREATE INDEX ix_exports_tenant_created_at ON exports (tenant_id, created_at);

            -- INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers (unless recursive_triggers
            -- is on), so an insert over an existing key is refused before it happens.
            CREATE TRIGGER export_log_no_replace BEFORE INSERT ON export_log
            WHEN EXISTS (SELECT 1 FROM export_log WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'export_log is append-only: the id is already stored'); END;
            CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
            WHEN EXISTS (SELECT 1 FROM audit_events WHERE sequence = NEW.sequence OR id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: the sequence or id is already stored'); END;
            CREATE TRIGGER exports_no_replace BEFORE INSERT ON exports
            WHEN EXISTS (SELECT 1 FROM exports WHERE export_id = NEW.export_id)
            BEGIN SELECT RAISE(ABORT, 'exports is append-only: the export id is already stored'); END;

            CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
            BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
            CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
            BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
            CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
            CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
            CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports
            BEGIN SELECT RAISE(ABORT, 'exports is append-only'); END;
            CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports
            BEGIN SELECT RAISE(ABORT, 'exports is append-only'); END;
            """),
        new(2, "strict tables with CHECK constraints: only well-typed rows", StrictTablesMigration.ApplyAsync),
        SqliteMigration.FromSql(3, "export jobs: a strict table the job store updates under leases, never deleted", ExportJobsTable.Sql),
        SqliteMigration.FromSql(4, "audit transparency log: tree hashes, leaves and erasable salted commitments, strict and append-only", AuditTreeTables.Sql),
        SqliteMigration.FromSql(5, "audit retention: append-only anchors, and deletion of audit rows only up to the recorded cut", AuditRetentionTable.Sql),
        new(6, "CHECK constraints on closed sets of words as comparisons, not IN lists: no temporary b-tree per insert", ComparisonChecksMigration.ApplyAsync),
    ];
}
