using ExportKit.Audit;

namespace ExportKit.Sample.Demo;

/// <summary>
/// The sample's checkpoint signing key, in a file beside its database that only the owner can read or write (0600 on
/// Unix, created so from the start: never world-readable for a moment). Made on first use, when the verifier key is
/// printed so that it can be published. A real host keeps the key in its secret store.
/// </summary>
internal static class SigningKeyFile
{
    public const string KeyName = "exportkit.sample/audit";

    public static async Task<string> LoadOrCreateAsync(string path, TextWriter output)
    {
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path)).Trim();
        }

        var key = AuditTransparencyOptions.GenerateSigningKey(KeyName);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(path, options))
        {
            await writer.WriteLineAsync(key);
        }

        await output.WriteLineAsync($"Created the checkpoint signing key {Path.GetFullPath(path)} (owner-only). Its verifier key:");
        await output.WriteLineAsync(AuditTransparencyOptions.VerifierKeyOf(key));
        return key;
    }
}
