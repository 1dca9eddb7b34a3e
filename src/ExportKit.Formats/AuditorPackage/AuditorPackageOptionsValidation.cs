using System.IO.Compression;
using ExportKit.Formats.Text;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>Checks <see cref="AuditorPackageOptions"/> once, listing every problem.</summary>
internal static class AuditorPackageOptionsValidation
{
    public static void ThrowIfInvalid(AuditorPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SourceOrganization))
        {
            failures.Add("AuditorPackageOptions.SourceOrganization is blank; give the organisation that makes the packages (it is written to bag-info.txt).");
        }
        else if (LineText.HasBreaking(options.SourceOrganization))
        {
            failures.Add("AuditorPackageOptions.SourceOrganization contains a line break or another control character (CR, LF, VT, FF, NEL, U+2028, U+2029, a C0 or C1 control); bag-info.txt values are single lines.");
        }

        if (!Enum.IsDefined(options.CompressionLevel))
        {
            failures.Add($"AuditorPackageOptions.CompressionLevel is {(int)options.CompressionLevel}, which is not a CompressionLevel: use Optimal, Fastest, SmallestSize or NoCompression.");
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }
}
