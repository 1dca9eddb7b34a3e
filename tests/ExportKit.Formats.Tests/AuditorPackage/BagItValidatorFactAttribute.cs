namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>
/// A fact that runs only when EXPORTKIT_BAGIT_VALIDATE names a BagIt validator command that takes the bag's directory as
/// its last argument, for example <c>python3 -m bagit --validate</c> (Debian's python3-bagit, or <c>pip install bagit</c>).
/// </summary>
public sealed class BagItValidatorFactAttribute : FactAttribute
{
    public const string Variable = "EXPORTKIT_BAGIT_VALIDATE";

    public BagItValidatorFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Command))
        {
            Skip = $"{Variable} is not set: set it to a BagIt validator command, e.g. '{Variable}=python3 -m bagit --validate' "
                + "(apt-get install python3-bagit, or pip install bagit), to check the package with an independent implementation.";
        }
    }

    public static string? Command => Environment.GetEnvironmentVariable(Variable);
}
