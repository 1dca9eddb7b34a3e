using System.CommandLine;
using System.Globalization;

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

    public static readonly Option<string> Out = new("--out")
    {
        Description = "The directory exported files are written to.",
        DefaultValueFactory = _ => "exports",
        Recursive = true,
    };

    public static readonly Option<string?> Now = new("--now")
    {
        Description = "Fix the clock (ISO-8601, e.g. 2026-03-01T12:00:00Z): two runs then give identical files.",
        Recursive = true,
    };

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
