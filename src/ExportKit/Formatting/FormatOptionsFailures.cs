namespace ExportKit.Formatting;

/// <summary>Collects a formatter factory's refusal of its options as validation failures.</summary>
internal static class FormatOptionsFailures
{
    /// <summary>Runs <paramref name="create"/> and returns the problem it names, without the "(Parameter …)" suffix.</summary>
    public static string? Of(Action create)
    {
        try
        {
            create();
            return null;
        }
        catch (ArgumentException ex)
        {
            var suffix = ex.ParamName is null ? string.Empty : $" (Parameter '{ex.ParamName}')";
            return ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
        }
    }

    /// <summary>A problem when an inner formatter an option names writes another format.</summary>
    public static string? WrongFormat(string option, IExportFormatter? formatter, ExportFormat expected) =>
        formatter is null || formatter.Format.Equals(expected)
            ? null
            : $"{option} writes '{formatter.Format}', not '{expected}': give a {expected} formatter, or null for the engine's own.";
}
