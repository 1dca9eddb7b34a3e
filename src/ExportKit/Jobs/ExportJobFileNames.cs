using System.Globalization;
using System.Text;

namespace ExportKit.Jobs;

/// <summary>Seed 003's file names, <c>{tenant}_{yyyyMMddTHHmmssZ}_{jobId}.{ext}</c>, made of ids only.</summary>
internal static class ExportJobFileNames
{
    public static string For(ExportJob job, DateTimeOffset at, string extension) =>
        Safe(job.TenantId) + "_" + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "_" + Safe(job.Id) + extension;

    /// <summary>Tells whether a name is made of ids only: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, not starting with a dot.</summary>
    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= 255 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    // Tenant ids are the host's: anything but an id character becomes '-', so a name never leaves the directory.
    private static string Safe(string id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return text.ToString();
    }
}
