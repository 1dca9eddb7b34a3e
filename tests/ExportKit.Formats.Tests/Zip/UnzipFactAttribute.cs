namespace ExportKit.Formats.Tests.Zip;

/// <summary>A fact that needs Info-ZIP's <c>unzip</c> on the PATH, and is skipped, saying so, without it.</summary>
public sealed class UnzipFactAttribute : FactAttribute
{
    public UnzipFactAttribute()
    {
        if (Unzip.Path is null)
        {
            Skip = "The 'unzip' command is not on the PATH, so the archive cannot be checked by another ZIP implementation: install Info-ZIP unzip to run this test.";
        }
    }
}
