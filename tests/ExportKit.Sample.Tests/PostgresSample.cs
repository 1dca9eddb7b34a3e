using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace ExportKit.Sample.Tests;

/// <summary>A fact that runs only when EXPORTKIT_POSTGRES names a PostgreSQL server (.ci/run starts one), and says why it skips otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresSample.SkipReason;
    }
}

/// <summary>
/// The sample on PostgreSQL, in a new schema of the server EXPORTKIT_POSTGRES names (dropped on dispose), with its job
/// folder in a temporary directory: commands run in-process, workers as separate OS processes.
/// </summary>
internal sealed class PostgresSample : IDisposable
{
    private const string Variable = "EXPORTKIT_POSTGRES";
    private readonly string schema = "exportkit_sample_" + Guid.NewGuid().ToString("N");
    private readonly List<Process> processes = [];

    public PostgresSample()
    {
        Execute(Server!, $"CREATE SCHEMA {schema};");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema }.ConnectionString;
        System.IO.Directory.CreateDirectory(Directory);
    }

    public static string? SkipReason => string.IsNullOrWhiteSpace(Server)
        ? $"{Variable} is not set: set it to an Npgsql connection string of a PostgreSQL server where the user may create schemas, e.g. '{Variable}=Host=127.0.0.1;Port=5432;Username=postgres;Database=exportkit_test' (.ci/run starts a throwaway PostgreSQL 15 and sets it)."
        : null;

    public string ConnectionString { get; }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "exportkit-pg-sample-" + Guid.NewGuid().ToString("N"));

    public string Jobs => Path.Combine(Directory, "jobs");

    private static string? Server => Environment.GetEnvironmentVariable(Variable);

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SampleApp.RunAsync([.. args, "--postgres", ConnectionString, "--jobs-dir", Jobs, .. args.Contains("--out") ? Array.Empty<string>() : ["--out", Path.Combine(Directory, "exports")]], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts the sample as a separate process on this database and job folder; its output lines go to <paramref name="output"/>.</summary>
    public Process Start(StringBuilder output, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[JobWorkerProcessTests.SampleDll(), .. args, "--postgres", ConnectionString, "--jobs-dir", Jobs])
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
        return process;
    }

    public long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        Execute(Server!, $"DROP SCHEMA IF EXISTS {schema} CASCADE;");
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
