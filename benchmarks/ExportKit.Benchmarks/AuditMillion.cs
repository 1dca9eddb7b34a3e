using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ExportKit.Benchmarks;

/// <summary>
/// 1,000,000 audit events in the schema exportkit_bench_audit_1m, built once and kept: COPY (binary) with the indexes
/// dropped, then the indexes built again in bulk, as a restore would. Two tenants; a minute apart; every fourth event a
/// warning; one in a thousand has "needle-xyzzy" in its context. The hashes are placeholders (queries do not check them).
/// </summary>
internal static class AuditMillion
{
    public const int Count = 1_000_000;
    public const string SchemaName = "exportkit_bench_audit_1m";

    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<string> EnsureAsync()
    {
        var connectionString = PostgreSqlBench.Schema(SchemaName, fresh: false);
        await new Storage.PostgreSql.PostgreSqlAuditEventStore(connectionString).GetLastAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM audit_events;", connection))
        {
            if (Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == Count)
            {
                return connectionString;
            }
        }

        var indexes = await IndexDefinitionsAsync(connection);
        await ExecuteAsync(connection, "ALTER TABLE audit_events DISABLE TRIGGER USER; TRUNCATE audit_events; ALTER TABLE audit_events ENABLE TRIGGER USER;");
        foreach (var name in indexes.Keys)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name};");
        }

        await CopyAsync(connection);
        foreach (var definition in indexes.Values)
        {
            await ExecuteAsync(connection, definition + ";");
        }

        await ExecuteAsync(connection, "ANALYZE audit_events;");
        return connectionString;
    }

    private static async Task CopyAsync(NpgsqlConnection connection)
    {
        var zeros = new string('0', 64);
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY audit_events (sequence, id, "timestamp", tenant_id, event_type, severity, actor_type, user_id, context_json, has_request, diff_json, previous_hash, hash)
            FROM STDIN (FORMAT BINARY)
            """);
        for (long i = 1; i <= Count; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(i, NpgsqlDbType.Bigint);
            await writer.WriteAsync("aud_" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await writer.WriteAsync(ExportValueText.FormatInstant(Start.AddMinutes(i)), NpgsqlDbType.Text);
            await writer.WriteAsync(i % 2 == 0 ? "acme" : "globex", NpgsqlDbType.Text);
            await writer.WriteAsync(i % 3 == 0 ? "auth.login" : "user.updated", NpgsqlDbType.Text);
            await writer.WriteAsync(i % 4 == 0 ? "warning" : "info", NpgsqlDbType.Text);
            await writer.WriteAsync("user", NpgsqlDbType.Text);
            await writer.WriteAsync("user-" + (i % 500).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            var note = i % 1000 == 0 ? "needle-xyzzy" : "routine change";
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"field":"f{{i % 97}}","note":"{{note}} {{(i * 2654435761) % 1000003}}"}"""), NpgsqlDbType.Text);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            await writer.WriteAsync("[]", NpgsqlDbType.Text);
            await writer.WriteAsync(zeros, NpgsqlDbType.Text);
            await writer.WriteAsync(i.ToString("x64", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
        }

        await writer.CompleteAsync();
    }

    private static async Task<Dictionary<string, string>> IndexDefinitionsAsync(NpgsqlConnection connection)
    {
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_events' AND indexname LIKE 'ix_%';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes[reader.GetString(0)] = reader.GetString(1);
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
#pragma warning disable CA2100 // The benchmark's own SQL and the database's own index definitions.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
