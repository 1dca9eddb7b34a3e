namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Schema step 3: the <c>export_jobs</c> table of the job store — seed 003's <c>audit_exports</c> columns and a queue's
/// (kind, attempts, progress, SHA-256, export id, cancellation, lease, backoff). <c>STRICT</c>, with CHECK constraints
/// on every closed set and fixed shape, and one across columns: a processing job holds a lease, and no other job holds one.
/// Jobs change (that is their nature) but are never deleted, and their identity (id, kind, tenant, user, filters,
/// creation time) never changes. Part of a shipped step once released: never edit, add a step.
/// </summary>
internal static class ExportJobsTable
{
    // The fixed-width UTC form of SqliteInstants. Kept here rather than shared with StrictTables: each step keeps the
    // text it shipped with, so that a later change to one constant cannot alter an older step.
    private const string Instant =
        "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'";

    public const string Sql = $"""
        CREATE TABLE export_jobs (
            id               TEXT    NOT NULL PRIMARY KEY CHECK (length(trim(id)) > 0),
            kind             TEXT    NOT NULL CHECK (kind IN ('audit-csv', 'bundle')),
            tenant_id        TEXT    NOT NULL CHECK (length(trim(tenant_id)) > 0),
            user_id          TEXT    NOT NULL CHECK (length(trim(user_id)) > 0),
            status           TEXT    NOT NULL CHECK (status IN ('queued', 'processing', 'success', 'failed', 'cancelled', 'expired')),
            filters_json     TEXT    NOT NULL CHECK (json_valid(filters_json)),
            file_path        TEXT,
            file_size_bytes  INTEGER CHECK (file_size_bytes IS NULL OR file_size_bytes >= 0),
            row_count        INTEGER CHECK (row_count IS NULL OR row_count >= 0),
            sha256           TEXT    CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
            export_id        TEXT,
            error_code       TEXT,
            error_message    TEXT,
            attempts         INTEGER NOT NULL CHECK (attempts BETWEEN 0 AND 2147483647),
            progress         INTEGER NOT NULL CHECK (progress >= 0),
            cancel_requested INTEGER NOT NULL CHECK (cancel_requested IN (0, 1)),
            lease_owner      TEXT    CHECK (lease_owner IS NULL OR length(trim(lease_owner)) > 0),
            lease_expires_at TEXT    CHECK (lease_expires_at IS NULL OR (length(lease_expires_at) = 28 AND lease_expires_at GLOB {Instant})),
            not_before       TEXT    CHECK (not_before IS NULL OR (length(not_before) = 28 AND not_before GLOB {Instant})),
            started_at       TEXT    CHECK (started_at IS NULL OR (length(started_at) = 28 AND started_at GLOB {Instant})),
            completed_at     TEXT    CHECK (completed_at IS NULL OR (length(completed_at) = 28 AND completed_at GLOB {Instant})),
            expires_at       TEXT    CHECK (expires_at IS NULL OR (length(expires_at) = 28 AND expires_at GLOB {Instant})),
            created_at       TEXT    NOT NULL CHECK (length(created_at) = 28 AND created_at GLOB {Instant}),
            CHECK (CASE WHEN status = 'processing' THEN lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL
                        ELSE lease_owner IS NULL AND lease_expires_at IS NULL END)
        ) STRICT;

        -- The claim: the oldest due job of a status, read in (created_at, id) order straight from the index, the
        -- not_before and lease_expires_at filters applied on the index entries, so a long queue is not sorted per claim.
        CREATE INDEX ix_export_jobs_claim ON export_jobs (status, created_at, id, not_before, lease_expires_at);
        CREATE INDEX ix_export_jobs_tenant_created_at ON export_jobs (tenant_id, created_at DESC, id DESC);
        CREATE INDEX ix_export_jobs_tenant_user_created_at ON export_jobs (tenant_id, user_id, created_at DESC, id DESC);
        CREATE INDEX ix_export_jobs_expiry ON export_jobs (status, expires_at, id);

        -- INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers: refuse it before it happens.
        CREATE TRIGGER export_jobs_no_replace BEFORE INSERT ON export_jobs
        WHEN EXISTS (SELECT 1 FROM export_jobs WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'export_jobs keeps every job: the job id is already stored'); END;
        CREATE TRIGGER export_jobs_no_delete BEFORE DELETE ON export_jobs
        BEGIN SELECT RAISE(ABORT, 'export_jobs keeps every job: records are never deleted'); END;
        CREATE TRIGGER export_jobs_same_identity BEFORE UPDATE OF id, kind, tenant_id, user_id, filters_json, created_at ON export_jobs
        WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.user_id IS NOT OLD.user_id
            OR NEW.filters_json IS NOT OLD.filters_json OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'export_jobs keeps every job: its id, kind, tenant, user, filters and creation time never change'); END;
        """;
}
