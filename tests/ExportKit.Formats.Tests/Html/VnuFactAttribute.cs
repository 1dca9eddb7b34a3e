namespace ExportKit.Formats.Tests.Html;

/// <summary>A fact that needs the Nu HTML Checker; it is skipped, saying how to enable it, when EXPORTKIT_VNU_JAR is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VnuFactAttribute : FactAttribute
{
    public const string Variable = "EXPORTKIT_VNU_JAR";

    public VnuFactAttribute()
    {
        if (string.IsNullOrEmpty(JarPath))
        {
            Skip = $"The Nu HTML Checker is not configured: run 'npm install --prefix .tools vnu-jar@26.9.27' and set {Variable} to the full path of .tools/node_modules/vnu-jar/build/dist/vnu.jar (Java 11 or later must be on the PATH).";
        }
    }

    public static string? JarPath => Environment.GetEnvironmentVariable(Variable);
}
