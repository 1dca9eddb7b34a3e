using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ExportKit.Audit;
using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExportKit.Benchmarks;

/// <summary>
/// Verifying a chain of 10,000 events on SQLite (<c>VerifyAsync</c>: stream the rows, decode them, re-hash each and
/// check the links) beside the baseline: a plain reader over the same rows in sequence order that reads every column
/// and feeds its UTF-8 bytes through SHA-256, one hash per row.
/// </summary>
[MemoryDiagnoser]
public class AuditVerifyBenchmarks
{
    private const int Events = 10_000;
    private const string Select = """
        SELECT sequence, id, timestamp, tenant_id, event_type, severity, actor_type, user_id, resource_type, resource_id,
               context_json, has_request, request_ip_address, request_forwarded_for, request_user_agent, request_id,
               request_trace_id, before_json, after_json, diff_json, previous_hash, hash
        FROM audit_events ORDER BY sequence;
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"exportkit-verify-bench-{Guid.NewGuid():N}");
    private SqliteAuditEventStore store = null!;
    private AuditTrail trail = null!;
    private string connectionString = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        Directory.CreateDirectory(directory);
        connectionString = $"Data Source={Path.Combine(directory, "trail.db")}";
        store = new SqliteAuditEventStore(connectionString);
        trail = new AuditTrail(store, TimeProvider.System, new BenchmarkIds(), new AuditOptions());

        // Recorded by 8 writers, so that setup takes seconds, not a minute; the rows are the same either way.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Events / 8; i++)
            {
                await trail.RecordAsync(PlainAuditInsert.Draft);
            }
        })));
        var verification = await trail.VerifyAsync();
        if (!verification.IsValid || verification.EventsChecked != Events)
        {
            throw new InvalidOperationException($"The chain does not verify: {verification.Message}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long PlainReadAndSha256()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        using var reader = command.ExecuteReader();
        var buffer = new byte[4096];
        Span<byte> digest = stackalloc byte[32];
        long rows = 0;
        while (reader.Read())
        {
            var written = 0;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                if (!reader.IsDBNull(column))
                {
                    var text = reader.GetString(column);
                    written += Encoding.UTF8.GetBytes(text, buffer.AsSpan(written));
                }
            }

            SHA256.HashData(buffer.AsSpan(0, written), digest);
            rows++;
        }

        return rows;
    }

    [Benchmark]
    public async Task<long> VerifyAsync() => (await trail.VerifyAsync()).EventsChecked;
}
