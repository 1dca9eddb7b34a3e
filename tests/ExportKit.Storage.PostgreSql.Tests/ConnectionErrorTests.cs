using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests;

/// <summary>A server that cannot be used is reported at the first operation with what to fix, not as a driver error.</summary>
public sealed class ConnectionErrorTests
{
    [Fact]
    public async Task An_unreachable_server_is_named_with_host_and_port_to_check()
    {
        var port = FreePort();
        var store = new PostgreSqlExportLogStore($"Host=127.0.0.1;Port={port};Username=exportkit;Database=exportkit;Timeout=5");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(Entries.Downloaded(1)));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("check Host and Port", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
    }

    [Fact]
    public async Task Every_store_and_the_schema_step_name_an_unreachable_server_alike()
    {
        var connectionString = $"Host=127.0.0.1;Port={FreePort()};Username=exportkit;Database=exportkit;Timeout=5";
        Func<Task>[] starts =
        [
            () => PostgreSqlSchema.MigrateAsync(connectionString),
            async () => await new PostgreSqlAuditEventStore(connectionString).GetLastAsync(),
            async () => await new PostgreSqlExportJobStore(connectionString).TryClaimAsync("w", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)),
        ];

        foreach (var start in starts)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(start);
            Assert.Contains("check Host and Port", error.Message, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task A_user_the_server_refuses_is_named_with_the_credentials_to_check()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Username = "no_such_exportkit_user" }.ConnectionString;
        var store = new PostgreSqlExportRegistry(connectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindAsync("acme", "exp_0001"));

        Assert.Contains("refused the credentials of user 'no_such_exportkit_user'", error.Message, StringComparison.Ordinal);
        Assert.Contains("check Username and Password", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_database_that_does_not_exist_is_named()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = "no_such_exportkit_database" }.ConnectionString;
        var store = new PostgreSqlExportRegistry(connectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.FindAsync("acme", "exp_0001"));

        Assert.Contains("no database 'no_such_exportkit_database'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Username=exportkit;Database=exportkit")]
    [InlineData("Host=db;NoSuchKeyword=1")]
    public void A_connection_string_that_names_no_server_is_refused_at_once(string connectionString)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlExportLogStore(connectionString));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
