using Microsoft.Extensions.Options;

namespace ExportKit.Engine;

/// <summary>Checks <see cref="ExportKitOptions"/> once, listing every problem.</summary>
internal sealed class ExportKitOptionsValidator : IValidateOptions<ExportKitOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportKitOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultTimeRangeDays is < 1 or > 90)
        {
            failures.Add(FormattableString.Invariant($"ExportKitOptions.DefaultTimeRangeDays is {options.DefaultTimeRangeDays}; it must be from 1 to 90 (a default export must not need export:long-range)."));
        }

        if (options.StalePartialFileAge <= TimeSpan.Zero)
        {
            failures.Add(FormattableString.Invariant($"ExportKitOptions.StalePartialFileAge is {options.StalePartialFileAge}; it must be positive (for example TimeSpan.FromHours(1))."));
        }

        if (options.MaxFieldDepth is < ExportKit.Assembly.ExportBundleAssemblerOptions.MinFieldDepth or > ExportKit.Assembly.ExportBundleAssemblerOptions.MaxAllowedFieldDepth)
        {
            failures.Add(FormattableString.Invariant($"ExportKitOptions.MaxFieldDepth is {options.MaxFieldDepth}; it must be from {ExportKit.Assembly.ExportBundleAssemblerOptions.MinFieldDepth} to {ExportKit.Assembly.ExportBundleAssemblerOptions.MaxAllowedFieldDepth}."));
        }

        // The assembler's own check (the same rule the spool's options are held to), under this option's name.
        var temporary = new ExportKit.Assembly.ExportBundleAssemblerOptions { TemporaryDirectory = options.TemporaryDirectory }.Validate();
        failures.AddRange(temporary.Select(p => p.Replace("ExportBundleAssemblerOptions.", "ExportKitOptions.", StringComparison.Ordinal)));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
