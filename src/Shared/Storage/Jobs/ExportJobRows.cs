using System.Data.Common;
using System.Globalization;

namespace ExportKit.Storage;

/// <summary>
/// How an <see cref="ExportJob"/> maps to a row of <c>export_jobs</c> and back, every field exactly, in every SQL store.
/// The guarded update (its NULL-safe comparison differs) is the provider's, in its <see cref="ExportJobStatements"/>.
/// </summary>
internal static class ExportJobRows
{
    public const string Columns = """
        id, kind, tenant_id, user_id, status, filters_json, file_path, file_size_bytes, row_count, sha256, export_id,
        error_code, error_message, attempts, progress, cancel_requested, lease_owner, lease_expires_at, not_before,
        started_at, completed_at, expires_at, created_at
        """;

    public const string Insert = $"""
        INSERT INTO export_jobs ({Columns})
        VALUES (@id, @kind, @tenant_id, @user_id, @status, @filters_json, @file_path, @file_size_bytes, @row_count, @sha256,
                @export_id, @error_code, @error_message, @attempts, @progress, @cancel_requested, @lease_owner,
                @lease_expires_at, @not_before, @started_at, @completed_at, @expires_at, @created_at);
        """;

    public static void AddParameters(StoreParameters bind, DbParameterCollection parameters, ExportJob job)
    {
        bind.AddText(parameters, "id", job.Id);
        bind.AddText(parameters, "kind", ExportJobNames.Of(job.Kind));
        bind.AddText(parameters, "tenant_id", job.TenantId);
        bind.AddText(parameters, "user_id", job.UserId);
        bind.AddText(parameters, "status", ExportJobNames.Of(job.Status));
        bind.AddText(parameters, "filters_json", job.FiltersJson);
        bind.AddText(parameters, "file_path", job.FilePath);
        bind.AddBigint(parameters, "file_size_bytes", job.FileSizeBytes);
        bind.AddBigint(parameters, "row_count", job.RowCount);
        bind.AddText(parameters, "sha256", job.Sha256);
        bind.AddText(parameters, "export_id", job.ExportId);
        bind.AddText(parameters, "error_code", job.ErrorCode);
        bind.AddText(parameters, "error_message", job.ErrorMessage);
        bind.AddValue(parameters, "attempts", job.Attempts);
        bind.AddValue(parameters, "progress", job.Progress);
        bind.AddFlag(parameters, "cancel_requested", job.CancelRequested);
        bind.AddText(parameters, "lease_owner", job.LeaseOwner);
        bind.AddInstant(parameters, "lease_expires_at", job.LeaseExpiresAt);
        bind.AddInstant(parameters, "not_before", job.NotBefore);
        bind.AddInstant(parameters, "started_at", job.StartedAt);
        bind.AddInstant(parameters, "completed_at", job.CompletedAt);
        bind.AddInstant(parameters, "expires_at", job.ExpiresAt);
        bind.AddInstant(parameters, "created_at", job.CreatedAt);
    }

    /// <summary>The parameters of the provider's update: the new state, guarded by the state it was read in.</summary>
    public static void AddUpdateParameters(StoreParameters bind, DbParameterCollection parameters, ExportJob was, ExportJob now)
    {
        AddParameters(bind, parameters, now);
        bind.AddText(parameters, "was_status", ExportJobNames.Of(was.Status));
        bind.AddText(parameters, "was_lease_owner", was.LeaseOwner);
        bind.AddInstant(parameters, "was_lease_expires_at", was.LeaseExpiresAt);
    }

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its id and column.</exception>
    public static ExportJob Read(StoreRowDecoder row)
    {
        var id = row.Text(0, "id");
        var readableId = row.Failed ? "(unreadable)" : id;
        var kindName = row.Text(1, "kind");
        var kind = ExportJobNames.KindOf(kindName);
        if (kind is null)
        {
            row.Fail("kind", $"'{StoreRowDecoder.Shorten(kindName)}' is not audit-csv or bundle");
        }

        var tenantId = row.Text(2, "tenant_id");
        var userId = row.Text(3, "user_id");
        var statusName = row.Text(4, "status");
        var status = ExportJobNames.StatusOf(statusName);
        if (status is null)
        {
            row.Fail("status", $"'{StoreRowDecoder.Shorten(statusName)}' is not queued, processing, success, failed, cancelled or expired");
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

    private static long? NotNegative(StoreRowDecoder row, long? value, string column)
    {
        if (value < 0)
        {
            row.Fail(column, "negative");
        }

        return value;
    }

    private static string? Sha256(StoreRowDecoder row, string? value)
    {
        if (value is not null && (value.Length != 64 || !value.All(char.IsAsciiHexDigitLower)))
        {
            row.Fail("sha256", $"'{StoreRowDecoder.Shorten(value)}' is not 64 lower-case hex digits");
        }

        return value;
    }

    private static int Attempts(StoreRowDecoder row, long value)
    {
        if (value is < 0 or > int.MaxValue)
        {
            row.Fail("attempts", $"{value.ToString(CultureInfo.InvariantCulture)} is not from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        }

        return (int)value;
    }
}
