namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Schema step 3: <c>export_jobs</c>, the queue, with the SQLite package's CHECK constraints (closed sets, fixed
/// shapes, a lease exactly on processing jobs). Jobs change — that is their nature — but are never deleted, and their
/// identity (id, kind, tenant, user, filters, creation time) never changes: triggers refuse both. Partial indexes hold
/// only the jobs a claim looks at, so a claim stays fast however many ended jobs are kept. Never edit, add a step.
/// </summary>
internal static class ExportJobsTable
{
    private const string Instant = @"'^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{7}Z$'";

    public const string Sql = $$"""
        CREATE TABLE export_jobs (
            id               text COLLATE "C" PRIMARY KEY CHECK (length(trim(id)) > 0),
            kind             text COLLATE "C" NOT NULL CHECK (kind IN ('audit-csv', 'bundle')),
            tenant_id        text COLLATE "C" NOT NULL CHECK (length(trim(tenant_id)) > 0),
            user_id          text COLLATE "C" NOT NULL CHECK (length(trim(user_id)) > 0),
            status           text COLLATE "C" NOT NULL CHECK (status IN ('queued', 'processing', 'success', 'failed', 'cancelled', 'expired')),
            filters_json     text COLLATE "C" NOT NULL CHECK (json_typeof(filters_json::json) IS NOT NULL),
            file_path        text COLLATE "C",
            file_size_bytes  bigint CHECK (file_size_bytes >= 0),
            row_count        bigint CHECK (row_count >= 0),
            sha256           text COLLATE "C" CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            export_id        text COLLATE "C",
            error_code       text COLLATE "C",
            error_message    text COLLATE "C",
            attempts         integer NOT NULL CHECK (attempts >= 0),
            progress         bigint NOT NULL CHECK (progress >= 0),
            cancel_requested boolean NOT NULL,
            lease_owner      text COLLATE "C" CHECK (length(trim(lease_owner)) > 0),
            lease_expires_at text COLLATE "C" CHECK (lease_expires_at ~ {{Instant}}),
            not_before       text COLLATE "C" CHECK (not_before ~ {{Instant}}),
            started_at       text COLLATE "C" CHECK (started_at ~ {{Instant}}),
            completed_at     text COLLATE "C" CHECK (completed_at ~ {{Instant}}),
            expires_at       text COLLATE "C" CHECK (expires_at ~ {{Instant}}),
            created_at       text COLLATE "C" NOT NULL CHECK (created_at ~ {{Instant}}),
            CHECK (CASE WHEN status = 'processing' THEN lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL
                        ELSE lease_owner IS NULL AND lease_expires_at IS NULL END)
        );
        -- The claim: queued jobs in (created_at, id) order, and processing ones by lease expiry; ended jobs are in neither.
        CREATE INDEX ix_export_jobs_queued ON export_jobs (created_at, id) WHERE status = 'queued';
        CREATE INDEX ix_export_jobs_processing ON export_jobs (lease_expires_at) WHERE status = 'processing';
        -- The listing (a tenant's jobs, or one user's, newest first) and the cleanup (successes by expiry).
        CREATE INDEX ix_export_jobs_tenant_created_at ON export_jobs (tenant_id, created_at DESC, id DESC);
        CREATE INDEX ix_export_jobs_tenant_user_created_at ON export_jobs (tenant_id, user_id, created_at DESC, id DESC);
        CREATE INDEX ix_export_jobs_expiry ON export_jobs (expires_at, id) WHERE status = 'success';

        CREATE FUNCTION exportkit_keep_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'UPDATE' THEN
                RAISE EXCEPTION 'export_jobs keeps every job: % is refused', TG_OP
                    USING ERRCODE = 'restrict_violation', HINT = 'An ended job is kept; its file is cleaned up, its record never.';
            END IF;
            IF NEW.id IS DISTINCT FROM OLD.id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
               OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.filters_json IS DISTINCT FROM OLD.filters_json
               OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
                RAISE EXCEPTION 'export_jobs keeps every job: its id, kind, tenant, user, filters and creation time never change'
                    USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER export_jobs_keep_identity_and_rows BEFORE UPDATE OR DELETE ON export_jobs
            FOR EACH ROW EXECUTE FUNCTION exportkit_keep_jobs();
        CREATE TRIGGER export_jobs_no_truncate BEFORE TRUNCATE ON export_jobs
            FOR EACH STATEMENT EXECUTE FUNCTION exportkit_keep_jobs();
        """;
}
