namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Schema step 2: <c>audit_events</c>, the hash chain, with the SQLite package's CHECK constraints; one index per
/// filter of the audit query (each led by the tenant, ended by the sequence the query orders by), and a trigram GIN
/// index on the context for the search filter, which <c>ILIKE '%…%'</c> uses instead of reading the table. Rows are
/// append-only down to the database's triggers. Shipped once released: never edit, add a step.
/// </summary>
internal static class AuditEventsTable
{
    private const string Instant = @"'^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{7}Z$'";

    private const string Hex64 = "'^[0-9a-f]{64}$'";

    // pg_trgm is per database, not per schema: it is created once, in public (so that dropping one ExportKit schema
    // with CASCADE never drops it under another), and its operator class is named with whatever schema holds it.
    // pg_trgm is a trusted extension: a user with CREATE on the database may create it.
    public const string Sql = $$"""
        CREATE TABLE audit_events (
            sequence              bigint PRIMARY KEY CHECK (sequence >= 1),
            id                    text COLLATE "C" NOT NULL UNIQUE CHECK (length(trim(id)) > 0),
            "timestamp"           text COLLATE "C" NOT NULL CHECK ("timestamp" ~ {{Instant}}),
            tenant_id             text COLLATE "C" NOT NULL CHECK (length(trim(tenant_id)) > 0),
            event_type            text COLLATE "C" NOT NULL CHECK (length(trim(event_type)) > 0),
            severity              text COLLATE "C" NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
            actor_type            text COLLATE "C" NOT NULL CHECK (actor_type IN ('user', 'system', 'api', 'webhook')),
            user_id               text COLLATE "C",
            resource_type         text COLLATE "C",
            resource_id           text COLLATE "C",
            context_json          text COLLATE "C" CHECK (context_json IS NULL OR json_typeof(context_json::json) IS NOT NULL),
            has_request           boolean NOT NULL,
            request_ip_address    text COLLATE "C",
            request_forwarded_for text COLLATE "C",
            request_user_agent    text COLLATE "C",
            request_id            text COLLATE "C",
            request_trace_id      text COLLATE "C",
            before_json           text COLLATE "C" CHECK (before_json IS NULL OR json_typeof(before_json::json) IS NOT NULL),
            after_json            text COLLATE "C" CHECK (after_json IS NULL OR json_typeof(after_json::json) IS NOT NULL),
            diff_json             text COLLATE "C" NOT NULL CHECK (json_typeof(diff_json::json) = 'array'),
            previous_hash         text COLLATE "C" NOT NULL CHECK (previous_hash ~ {{Hex64}}),
            hash                  text COLLATE "C" NOT NULL CHECK (hash ~ {{Hex64}}),
            CHECK (has_request OR (request_ip_address IS NULL AND request_forwarded_for IS NULL AND request_user_agent IS NULL
                                   AND request_id IS NULL AND request_trace_id IS NULL))
        );
        CREATE INDEX ix_audit_events_tenant_sequence ON audit_events (tenant_id, sequence);
        CREATE INDEX ix_audit_events_tenant_severity ON audit_events (tenant_id, severity, sequence);
        CREATE INDEX ix_audit_events_tenant_actor_type ON audit_events (tenant_id, actor_type, sequence);
        CREATE INDEX ix_audit_events_tenant_event_type ON audit_events (tenant_id, event_type, sequence);
        CREATE INDEX ix_audit_events_tenant_timestamp ON audit_events (tenant_id, "timestamp");
        DO $$
        DECLARE trgm_schema name;
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                CREATE EXTENSION pg_trgm SCHEMA public;
            END IF;
            SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
            EXECUTE format('CREATE INDEX ix_audit_events_context_trgm ON audit_events USING gin (context_json %I.gin_trgm_ops)', trgm_schema);
        END;
        $$;
        CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION exportkit_refuse_change();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_refuse_change();
        """;
}
