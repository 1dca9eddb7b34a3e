namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>A fact that needs GNU coreutils' <c>sha256sum</c> and findutils' <c>find</c>; skipped, saying so, where they are missing.</summary>
public sealed class CoreutilsFactAttribute : FactAttribute
{
    public CoreutilsFactAttribute()
    {
        if (!File.Exists("/usr/bin/sha256sum") || !File.Exists("/usr/bin/find"))
        {
            Skip = "GNU coreutils (sha256sum) and findutils (find) are not installed here: they check the package independently of ExportKit.";
        }
    }
}
