using System.Globalization;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>How an <see cref="ExportJob"/> maps to a row of <c>export_jobs</c> and back, every field exactly.</summary>
internal static class ExportJobRows
{
    public const string Columns = """
        id, kind, tenant_id, user_id, status, filters_json, file_path, file_size_bytes, row_count, sha256, export_id,
        error_code, error_message, attempts, progress, cancel_requested, lease_owner, lease_expires_at, not_before,
        started_at, completed_at, expires_at, created_at
        """;

    public const string Values = """
        @id, @kind, @tenant_id, @user_id, @status, @filters_json, @file_path, @file_size_bytes, @row_count, @sha256,
        @export_id, @error_code, @error_message, @attempts, @progress, @cancel_requested, @lease_owner,
        @lease_expires_at, @not_before, @started_at, @completed_at, @expires_at, @created_at
        """;

    /// <summary>
    /// Writes a transition's new state. The caller read the row <c>FOR UPDATE</c> in the same transaction, so it is as
    /// read; the guard on status and lease states the rule in the SQL itself.
    /// </summary>
    public const string Update = """
        UPDATE export_jobs SET
            status = @status, file_path = @file_path, file_size_bytes = @file_size_bytes, row_count = @row_count,
            sha256 = @sha256, export_id = @export_id, error_code = @error_code, error_message = @error_message,
            attempts = @attempts, progress = @progress, cancel_requested = @cancel_requested, lease_owner = @lease_owner,
            lease_expires_at = @lease_expires_at, not_before = @not_before, started_at = @started_at,
            completed_at = @completed_at, expires_at = @expires_at
        WHERE id = @id AND status = @was_status AND lease_owner IS NOT DISTINCT FROM @was_lease_owner
          AND lease_expires_at IS NOT DISTINCT FROM @was_lease_expires_at;
        """;

    public static void AddParameters(NpgsqlParameterCollection parameters, ExportJob job)
    {
        parameters.AddText("id", job.Id);
        parameters.AddText("kind", ExportJobNames.Of(job.Kind));
        parameters.AddText("tenant_id", job.TenantId);
        parameters.AddText("user_id", job.UserId);
        parameters.AddText("status", ExportJobNames.Of(job.Status));
        parameters.AddText("filters_json", job.FiltersJson);
        parameters.AddText("file_path", job.FilePath);
        parameters.AddBigint("file_size_bytes", job.FileSizeBytes);
        parameters.AddBigint("row_count", job.RowCount);
        parameters.AddText("sha256", job.Sha256);
        parameters.AddText("export_id", job.ExportId);
        parameters.AddText("error_code", job.ErrorCode);
        parameters.AddText("error_message", job.ErrorMessage);
        parameters.AddWithValue("attempts", job.Attempts);
        parameters.AddWithValue("progress", job.Progress);
        parameters.AddWithValue("cancel_requested", job.CancelRequested);
        parameters.AddText("lease_owner", job.LeaseOwner);
        parameters.AddText("lease_expires_at", Instant(job.LeaseExpiresAt));
        parameters.AddText("not_before", Instant(job.NotBefore));
        parameters.AddText("started_at", Instant(job.StartedAt));
        parameters.AddText("completed_at", Instant(job.CompletedAt));
        parameters.AddText("expires_at", Instant(job.ExpiresAt));
        parameters.AddText("created_at", PostgreSqlInstants.Format(job.CreatedAt));
    }

    /// <summary>The parameters of <see cref="Update"/>: the new state, guarded by the state it was read in.</summary>
    public static void AddUpdateParameters(NpgsqlParameterCollection parameters, ExportJob was, ExportJob now)
    {
        AddParameters(parameters, now);
        parameters.AddText("was_status", ExportJobNames.Of(was.Status));
        parameters.AddText("was_lease_owner", was.LeaseOwner);
        parameters.AddText("was_lease_expires_at", Instant(was.LeaseExpiresAt));
    }

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its id and column.</exception>
    public static ExportJob Read(NpgsqlDataReader reader)
    {
        var row = new PostgreSqlRowDecoder(reader);
        var id = row.Text(0, "id");
        var readableId = row.Failed ? "(unreadable)" : id;
        var kindName = row.Text(1, "kind");
        var kind = ExportJobNames.KindOf(kindName);
        if (kind is null)
        {
            row.Fail("kind", $"'{PostgreSqlRowDecoder.Shorten(kindName)}' is not audit-csv or bundle");
        }

        var tenantId = row.Text(2, "tenant_id");
        var userId = row.Text(3, "user_id");
        var statusName = row.Text(4, "status");
        var status = ExportJobNames.StatusOf(statusName);
        if (status is null)
        {
            row.Fail("status", $"'{PostgreSqlRowDecoder.Shorten(statusName)}' is not queued, processing, success, failed, cancelled or expired");
        }

        var job = new ExportJob
        {
            Id = id,
            Kind = kind ?? default,
            TenantId = tenantId,
            UserId = userId,
            Status = status ?? default,
            FiltersJson = row.Json(5, "filters_json", required: true) ?? "",
            FilePath = row.NullableText(6, "file_path"),
            FileSizeBytes = NotNegative(row, row.NullableInteger(7, "file_size_bytes"), "file_size_bytes"),
            RowCount = NotNegative(row, row.NullableInteger(8, "row_count"), "row_count"),
            Sha256 = Sha256(row, row.NullableText(9, "sha256")),
            ExportId = row.NullableText(10, "export_id"),
            ErrorCode = row.NullableText(11, "error_code"),
            ErrorMessage = row.NullableText(12, "error_message"),
            Attempts = Attempts(row, row.Integer(13, "attempts")),
            Progress = NotNegative(row, row.Integer(14, "progress"), "progress") ?? 0,
            CancelRequested = row.Boolean(15, "cancel_requested"),
            LeaseOwner = row.NullableText(16, "lease_owner"),
            LeaseExpiresAt = row.NullableInstant(17, "lease_expires_at"),
            NotBefore = row.NullableInstant(18, "not_before"),
            StartedAt = row.NullableInstant(19, "started_at"),
            CompletedAt = row.NullableInstant(20, "completed_at"),
            ExpiresAt = row.NullableInstant(21, "expires_at"),
            CreatedAt = row.Instant(22, "created_at"),
        };
        if (!row.Failed && job.Status == ExportJobStatus.Processing && (job.LeaseOwner is null || job.LeaseExpiresAt is null))
        {
            row.Fail("lease_owner", "no lease on a processing job");
        }
        else if (!row.Failed && job.Status != ExportJobStatus.Processing && (job.LeaseOwner is not null || job.LeaseExpiresAt is not null))
        {
            row.Fail("lease_owner", "a lease on a job that is not processing");
        }

        return row.Failed
            ? throw new InvalidDataException(
                $"export_jobs row with id {readableId} is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; restore the row from a backup.")
            : job;
    }

    private static string? Instant(DateTimeOffset? instant) => instant is { } value ? PostgreSqlInstants.Format(value) : null;

    private static long? NotNegative(PostgreSqlRowDecoder row, long? value, string column)
    {
        if (value < 0)
        {
            row.Fail(column, "negative");
        }

        return value;
    }

    private static string? Sha256(PostgreSqlRowDecoder row, string? value)
    {
        if (value is not null && (value.Length != 64 || !value.All(char.IsAsciiHexDigitLower)))
        {
            row.Fail("sha256", $"'{PostgreSqlRowDecoder.Shorten(value)}' is not 64 lower-case hex digits");
        }

        return value;
    }

    private static int Attempts(PostgreSqlRowDecoder row, long value)
    {
        if (value is < 0 or > int.MaxValue)
        {
            row.Fail("attempts", $"{value.ToString(CultureInfo.InvariantCulture)} is not from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        }

        return (int)value;
    }
}
