using System.Text.RegularExpressions;

namespace ExportKit;

/// <summary>Validation shared by every string identifier (categories, formats, phases).</summary>
internal static partial class IdentifierRules
{
    public const string Description = "lower-case letters and digits in dash-separated words, at most 64 characters (for example 'compliance-pack')";

    public static string Validate(string value, string paramName, string kind)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length is 0 or > 64 || !Pattern().IsMatch(value))
        {
            throw new ArgumentException($"'{value}' is not a valid {kind} identifier: use {Description}.", paramName);
        }

        return value;
    }

    // \z, not $: $ also matches before a final "\n", which let "x\n" pass as an identifier.
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
