using Microsoft.Extensions.Options;

namespace ExportKit.Formatting;

/// <summary>Turns the problems a validator found into one result that lists each once.</summary>
internal static class FormatValidation
{
    public static ValidateOptionsResult Result(IEnumerable<string?> problems)
    {
        var failures = problems.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
