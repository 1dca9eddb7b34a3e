namespace ExportKit.Storage.PostgreSql;

/// <summary>One numbered step of the schema: SQL run once, inside the migration transaction.</summary>
internal sealed record PostgreSqlMigration(int Version, string Description, string Sql);

/// <summary>
/// The numbered steps that build the schema. A step, once shipped, is never edited: a change is a new step at the end.
/// The database records the steps it has in <c>schema_version</c>. Ids and instants are <c>COLLATE "C"</c> text, so
/// that ordering is ordinal whatever the database's locale, and instants (fixed-width UTC ISO-8601, 100 ns exact)
/// compare in time order as text.
/// </summary>
internal static class PostgreSqlMigrations
{
    // The fixed-width UTC form ExportValueText.FormatInstant writes: 2026-01-31T08:00:00.0000000Z.
    private const string Instant = @"'^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{7}Z$'";

    private const string Sha256 = "'^[0-9a-f]{64}$'";

    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "export log and export registry, append-only", $"""
            CREATE FUNCTION exportkit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'restrict_violation',
                          HINT = 'ExportKit never changes or deletes these rows; restore from a backup instead.';
            END;
            $$;

            CREATE TABLE export_log (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                "timestamp" text COLLATE "C" NOT NULL CHECK ("timestamp" ~ {Instant}),
                tenant_id   text COLLATE "C",
                facility_id text COLLATE "C",
                entry_type  text COLLATE "C" NOT NULL CHECK (entry_type IN ('export-generated', 'export-downloaded', 'policy-decision', 'error')),
                user_id     text COLLATE "C" NOT NULL,
                json        json NOT NULL CHECK (json_typeof(json) = 'object')
            );
            CREATE INDEX ix_export_log_tenant_timestamp ON export_log (tenant_id, "timestamp");
            CREATE INDEX ix_export_log_entry_type ON export_log (entry_type);
            CREATE TRIGGER export_log_no_update_or_delete BEFORE UPDATE OR DELETE ON export_log
                FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
            CREATE TRIGGER export_log_no_truncate BEFORE TRUNCATE ON export_log
                FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();

            CREATE TABLE exports (
                export_id     text COLLATE "C" PRIMARY KEY CHECK (length(trim(export_id)) > 0),
                bundle_id     text COLLATE "C" NOT NULL CHECK (length(trim(bundle_id)) > 0),
                tenant_id     text COLLATE "C" NOT NULL CHECK (length(trim(tenant_id)) > 0),
                run_id        text COLLATE "C",
                category      text COLLATE "C" NOT NULL CHECK (length(trim(category)) > 0),
                format        text COLLATE "C" NOT NULL CHECK (length(trim(format)) > 0),
                sections_json json NOT NULL CHECK (json_typeof(sections_json) = 'array'),
                storage_path  text COLLATE "C",
                size_bytes    bigint NOT NULL CHECK (size_bytes >= 0),
                sha256        text COLLATE "C" NOT NULL CHECK (sha256 ~ {Sha256}),
                created_at    text COLLATE "C" NOT NULL CHECK (created_at ~ {Instant}),
                created_by    text COLLATE "C" NOT NULL CHECK (length(trim(created_by)) > 0)
            );
            CREATE INDEX ix_exports_tenant_created_at ON exports (tenant_id, created_at DESC, export_id);
            CREATE TRIGGER exports_no_update_or_delete BEFORE UPDATE OR DELETE ON exports
                FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
            CREATE TRIGGER exports_no_truncate BEFORE TRUNCATE ON exports
                FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();
            """),
        new(2, "audit events, append-only, indexed for every filter of the audit query", AuditEventsTable.Sql),
        new(3, "export jobs, never deleted, indexed for the claim and the listing", ExportJobsTable.Sql),
        new(4, "the audit trail's transparency log: tree hashes, leaves and commitments; erasure of personal data only", AuditTreeTables.Sql),
        new(5, "retention: an append-only, forward-only cut; deletion of events, leaves and commitments up to it only", AuditRetentionTable.Sql),
    ];
}
