namespace ExportKit.Storage.Sqlite.Tests.Schema;

/// <summary>The schema ExportKit.Storage.Sqlite 0.2 created (steps 1 and 2: strict tables), copied here so that the test does not depend on the code it tests.</summary>
internal static class SchemaV2
{
    public const string Sql = """
        CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL);
        INSERT INTO schema_version VALUES (1, 'export log, audit events and export registry, append-only');
        INSERT INTO schema_version VALUES (2, 'strict tables with CHECK constraints: only well-typed rows');
        CREATE TABLE export_log (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp   TEXT    NOT NULL CHECK (length(timestamp) = 28 AND timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
            tenant_id   TEXT,
            facility_id TEXT,
            entry_type  TEXT    NOT NULL CHECK (entry_type IN ('export-generated', 'export-downloaded', 'policy-decision', 'error')),
            user_id     TEXT    NOT NULL,
            json        TEXT    NOT NULL CHECK (json_valid(json) AND json_type(json) = 'object')
        ) STRICT;
        CREATE INDEX ix_export_log_tenant_timestamp ON export_log (tenant_id, timestamp);
        CREATE INDEX ix_export_log_entry_type ON export_log (entry_type);
        CREATE TRIGGER export_log_no_replace BEFORE INSERT ON export_log
        WHEN EXISTS (SELECT 1 FROM export_log WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'export_log is append-only: the id is already stored'); END;
        CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
        BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
        CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
        BEGIN SELECT RAISE(ABORT, 'export_log is append-only'); END;
        CREATE TABLE audit_events (
            sequence              INTEGER PRIMARY KEY CHECK (sequence >= 1),
            id                    TEXT    NOT NULL UNIQUE CHECK (length(trim(id)) > 0),
            timestamp             TEXT    NOT NULL CHECK (length(timestamp) = 28 AND timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
            tenant_id             TEXT    NOT NULL CHECK (length(trim(tenant_id)) > 0),
            event_type            TEXT    NOT NULL CHECK (length(trim(event_type)) > 0),
            severity              TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
            actor_type            TEXT    NOT NULL CHECK (actor_type IN ('user', 'system', 'api', 'webhook')),
            user_id               TEXT,
            resource_type         TEXT,
            resource_id           TEXT,
            context_json          TEXT    CHECK (context_json IS NULL OR json_valid(context_json)),
            has_request           INTEGER NOT NULL CHECK (has_request IN (0, 1)),
            request_ip_address    TEXT,
            request_forwarded_for TEXT,
            request_user_agent    TEXT,
            request_id            TEXT,
            request_trace_id      TEXT,
            before_json           TEXT    CHECK (before_json IS NULL OR json_valid(before_json)),
            after_json            TEXT    CHECK (after_json IS NULL OR json_valid(after_json)),
            diff_json             TEXT    NOT NULL CHECK (json_valid(diff_json) AND json_type(diff_json) = 'array'),
            previous_hash         TEXT    NOT NULL CHECK (length(previous_hash) = 64 AND previous_hash NOT GLOB '*[^0-9a-f]*'),
            hash                  TEXT    NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
        ) STRICT;
        CREATE INDEX ix_audit_events_tenant_sequence ON audit_events (tenant_id, sequence);
        CREATE INDEX ix_audit_events_tenant_severity ON audit_events (tenant_id, severity);
        CREATE INDEX ix_audit_events_tenant_actor_type ON audit_events (tenant_id, actor_type);
        CREATE INDEX ix_audit_events_tenant_event_type ON audit_events (tenant_id, event_type);
        CREATE INDEX ix_audit_events_tenant_timestamp ON audit_events (tenant_id, timestamp);
        CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
        WHEN EXISTS (SELECT 1 FROM audit_events WHERE sequence = NEW.sequence OR id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: the sequence or id is already stored'); END;
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
        CREATE TABLE exports (
            export_id     TEXT    NOT NULL PRIMARY KEY CHECK (length(trim(export_id)) > 0),
            bundle_id     TEXT    NOT NULL CHECK (length(trim(bundle_id)) > 0),
            tenant_id     TEXT    NOT NULL CHECK (length(trim(tenant_id)) > 0),
            run_id        TEXT,
            category      TEXT    NOT NULL CHECK (length(trim(category)) > 0),
            format        TEXT    NOT NULL CHECK (length(trim(format)) > 0),
            sections_json TEXT    NOT NULL CHECK (json_valid(sections_json) AND json_type(sections_json) = 'array'),
            storage_path  TEXT,
            size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
            sha256        TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            created_at    TEXT    NOT NULL CHECK (length(created_at) = 28 AND created_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
            created_by    TEXT    NOT NULL CHECK (length(trim(created_by)) > 0)
        ) STRICT;
        CREATE INDEX ix_exports_tenant_created_at ON exports (tenant_id, created_at);
        CREATE TRIGGER exports_no_replace BEFORE INSERT ON exports
        WHEN EXISTS (SELECT 1 FROM exports WHERE export_id = NEW.export_id)
        BEGIN SELECT RAISE(ABORT, 'exports is append-only: the export id is already stored'); END;
        CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports
        BEGIN SELECT RAISE(ABORT, 'exports is append-only'); END;
        CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports
        BEGIN SELECT RAISE(ABORT, 'exports is append-only'); END;
        """;
}
