using Microsoft.Data.Sqlite;

namespace ExportKit.Sample.Tests;

public sealed class AuditCommandTests : IDisposable
{
    private readonly SampleRun run = new();

    [Fact]
    public async Task The_tour_records_a_change_with_its_diff_and_the_client_behind_the_proxy()
    {
        var (exit, output, _) = await run.RunAsync("--now", SampleRun.Now);

        Assert.Equal(0, exit);
        Assert.Contains("from 203.0.113.7 (X-Forwarded-For: 203.0.113.7, 10.0.0.5)", output, StringComparison.Ordinal);
        Assert.Contains("changed name: \"East Plant\" -> \"East Plant (Dock 3)\"", output, StringComparison.Ordinal);
        Assert.Contains("Downloaded by dana from 203.0.113.7: logged, and audited as export.downloaded.", output, StringComparison.Ordinal);
        Assert.Contains("chain: valid, 3 events checked", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_query_and_verify_read_the_trail_across_runs()
    {
        await run.RunAsync("--now", SampleRun.Now);

        var log = await run.RunAsync("audit", "log", "--now", SampleRun.Now);
        var query = await run.RunAsync("audit", "query", "--event-type", "export.json.generated", "--now", SampleRun.Now);
        var verify = await run.RunAsync("audit", "verify");

        // The tour's three events, then its audit CSV job's request and download.
        Assert.Contains("5 event(s) of acme", log.Output, StringComparison.Ordinal);
        Assert.Contains("export.downloaded [info] user dana export/", log.Output, StringComparison.Ordinal);
        Assert.Contains("audit.export.requested [info] user lee export-job/job_", log.Output, StringComparison.Ordinal);
        Assert.Contains("export.downloaded [info] user lee export-job/job_", log.Output, StringComparison.Ordinal);
        Assert.Contains("1 event(s) of acme", query.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("org.updated", query.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.Exit);
        Assert.Contains("The audit chain holds: 5 events checked.", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_row_changed_behind_the_api_and_exits_1()
    {
        await run.RunAsync("--now", SampleRun.Now);
        string id;
        using (var connection = new SqliteConnection($"Data Source={run.Database}"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "SELECT id FROM audit_events WHERE sequence = 1";
            id = (string)tamper.ExecuteScalar()!;
            // An attacker with the file can drop the append-only trigger; the hash chain still gives them away.
            tamper.CommandText = "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET user_id = 'mallory' WHERE sequence = 1;";
            tamper.ExecuteNonQuery();
        }

        var (exit, output, _) = await run.RunAsync("audit", "verify");

        Assert.Equal(1, exit);
        Assert.Contains($"broken at event {id} (sequence 1): Changed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_csv_is_for_owners_and_admins()
    {
        await run.RunAsync("--now", SampleRun.Now);
        var file = Path.Combine(run.Directory, "audit.csv");

        var member = await run.RunAsync("audit", "export-csv", "--file", file, "--role", "member");
        var admin = await run.RunAsync("audit", "export-csv", "--file", file);

        Assert.Equal(2, member.Exit);
        Assert.Contains("Admin role required", member.Error, StringComparison.Ordinal);
        Assert.Equal(0, admin.Exit);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("ID,Timestamp,Event Type,Severity,Actor Type,User ID,IP Address,User Agent,Context,Resource Type,Resource ID,Changes", lines[0]);
        Assert.Equal(6, lines.Length); // the header and the tour's five events
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Every_role_reads_the_log_and_opens_an_event(string role)
    {
        await run.RunAsync("--now", SampleRun.Now);
        var id = ReadEventId(1);

        var log = await run.RunAsync("audit", "log", "--role", role, "--user", "kim");
        var get = await run.RunAsync("audit", "get", id, "--role", role, "--user", "kim");

        Assert.Equal((0, 0), (log.Exit, get.Exit));
        Assert.Contains($"#1 ", get.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_event_is_not_found()
    {
        await run.RunAsync("--now", SampleRun.Now);

        var get = await run.RunAsync("audit", "get", ReadEventId(1), "--tenant", "globex", "--role", "owner");

        Assert.Equal(1, get.Exit);
        Assert.Contains("No event aud_", get.Error, StringComparison.Ordinal);
        Assert.Contains("in tenant globex", get.Error, StringComparison.Ordinal);
    }

    private string ReadEventId(int sequence)
    {
        using var connection = new SqliteConnection($"Data Source={run.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM audit_events WHERE sequence = $sequence";
        command.Parameters.AddWithValue("$sequence", sequence);
        return (string)command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("--limit", "0", "limit must be from 1 to 1000")]
    [InlineData("--severity", "loud", "severity 'loud' is unknown")]
    [InlineData("--actor-type", "robot", "actorType 'robot' is unknown")]
    [InlineData("--start", "soon", "--start 'soon' is not a date")]
    public async Task Bad_filters_exit_1_naming_the_field(string option, string value, string message)
    {
        var (exit, _, error) = await run.RunAsync("audit", "query", option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    public void Dispose() => run.Dispose();
}
