using System.Globalization;

namespace ExportKit.Sample.Commands;

/// <summary>Prints an export's outcome the same way for the tour and the export command.</summary>
internal static class Report
{
    public static int Print(TextWriter output, TextWriter error, ExportResult result, string directory)
    {
        if (result.Policy is { } policy)
        {
            output.WriteLine($"Policy:   {(policy.Allowed ? "allowed" : "denied")} ({policy.Reason})");
            foreach (var warning in policy.Warnings)
            {
                output.WriteLine($"  warning: {warning}");
            }
        }

        if (!result.Succeeded)
        {
            if (result.ErrorCode == ExportErrorCodes.PolicyDenied)
            {
                foreach (var violation in result.Violations)
                {
                    error.WriteLine($"  violation: {violation}");
                }

                return ExportCommand.Denied;
            }

            error.WriteLine($"Error ({result.ErrorCode}): {result.ErrorMessage}");
            return ExportCommand.Failed;
        }

        var bundle = result.Bundle;
        output.WriteLine($"Bundle:   {bundle.BundleId} {bundle.Title} ({bundle.Category}, {bundle.Format}) for {bundle.Scope.TenantId}");
        output.WriteLine($"Range:    {ExportValueText.FormatInstant(bundle.TimeRange.Start)} to {ExportValueText.FormatInstant(bundle.TimeRange.End)}");
        output.WriteLine("Sections:");
        foreach (var section in bundle.Sections)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {section.SectionId,-22} {section.ItemCount,6} items  {section.Summary.Text}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Items:    {bundle.Metadata.TotalItems}"));
        if (result.RecordsDropped > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dropped:  {result.RecordsDropped} records outside the scope"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Size:     {result.SizeBytes} bytes"));
        output.WriteLine($"File:     {Path.Combine(directory, result.FileName)}");
        output.WriteLine($"SHA-256:  {result.Sha256}");
        return ExportCommand.Written;
    }
}
