using System.CommandLine;
using System.Globalization;
using ExportKit.Sample.Demo;

namespace ExportKit.Sample.Commands;

/// <summary>Options shared by the commands, and parsing of the values System.CommandLine leaves as text.</summary>
internal static class SampleOptions
{
    public static readonly Option<string> Database = new("--db")
    {
        Description = "The SQLite database holding the export log, the export registry and the audit trail.",
        DefaultValueFactory = _ => "exportkit-sample.db",
        Recursive = true,
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Keep everything in PostgreSQL instead of the SQLite file: an Npgsql connection string, e.g. \"Host=db;Username=exportkit;Password=...;Database=exportkit\". Workers on several machines can then share one job queue and audit chain (give them a shared --jobs-dir).",
        Recursive = true,
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "The directory exported files are written to.",
        DefaultValueFactory = _ => "exports",
        Recursive = true,
    };

    public static readonly Option<string?> JobsDirectory = new("--jobs-dir")
    {
        Description = "The directory export jobs keep their files in; default: a folder beside the database (exportkit-sample-jobs).",
        Recursive = true,
    };

    public static readonly Option<string?> Now = new("--now")
    {
        Description = "Fix the clock (ISO-8601, e.g. 2026-03-01T12:00:00Z): two runs then give identical files.",
        Recursive = true,
    };

    /// <summary>The stores: PostgreSQL when <c>--postgres</c> is given, else the SQLite file of <c>--db</c>.</summary>
    public static SampleDatabase Storage(ParseResult parse) =>
        parse.GetValue(Postgres) is { } connectionString
            ? (string.IsNullOrWhiteSpace(connectionString) ? throw new ArgumentException("--postgres is empty: give an Npgsql connection string, e.g. \"Host=localhost;Username=postgres;Database=exportkit\".") : SampleDatabase.Postgres(connectionString))
            : SampleDatabase.Sqlite(parse.GetValue(Database)!);

    /// <summary>The job files' directory: <c>--jobs-dir</c>, or <c>{database name}-jobs</c> beside the SQLite database (<c>exportkit-sample-jobs</c> with PostgreSQL), so every process sharing the database shares its files.</summary>
    public static string Jobs(ParseResult parse)
    {
        if (parse.GetValue(JobsDirectory) is { } directory)
        {
            return Path.GetFullPath(directory);
        }

        if (parse.GetValue(Postgres) is not null)
        {
            return Path.GetFullPath("exportkit-sample-jobs");
        }

        var database = Path.GetFullPath(parse.GetValue(Database)!);
        return Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-jobs");
    }

    /// <summary>
    /// Where the transparency log's files go, before their suffix (<c>.signing-key</c>, <c>.checkpoint</c>): beside the
    /// SQLite database, or with <c>--postgres</c> <c>{database name}-postgres</c> in the folder of <c>--db</c>
    /// (<c>exportkit-sample-postgres</c>), so that a SQLite log and a PostgreSQL log never share a key.
    /// </summary>
    public static string TransparencyFiles(ParseResult parse)
    {
        var database = Path.GetFullPath(parse.GetValue(Database)!);
        return parse.GetValue(Postgres) is null
            ? database
            : Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-postgres");
    }

    public static DateTimeOffset? ParseInstant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new ArgumentException($"{option} '{text}' is not a date: use ISO-8601, for example 2026-03-01 or 2026-03-01T12:00:00Z.");
    }
}
