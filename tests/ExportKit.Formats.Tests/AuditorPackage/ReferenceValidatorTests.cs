using System.Diagnostics;
using System.IO.Compression;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>Checks the package with an independent BagIt implementation (bagit-python), when one is configured.</summary>
public sealed class ReferenceValidatorTests
{
    [BagItValidatorFact]
    public async Task An_independent_bagit_validator_accepts_the_package_and_rejects_a_changed_byte()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-bagit-" + Guid.NewGuid().ToString("N"));
        try
        {
            ZipFile.ExtractToDirectory(new MemoryStream(await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"))), directory);
            var bag = Path.Combine(directory, "bnd_0c0ffee0c0ffee0c0ffee000-compliance-pack");

            var (exitCode, output) = await RunAsync(bag);
            Assert.True(exitCode == 0, $"'{BagItValidatorFactAttribute.Command} {bag}' exited with {exitCode}:\n{output}");

            var findings = Path.Combine(bag, "data", "audit-findings", "findings.json");
            var bytes = await File.ReadAllBytesAsync(findings);
            bytes[10] ^= 0x01;
            await File.WriteAllBytesAsync(findings, bytes);
            (exitCode, output) = await RunAsync(bag);
            Assert.True(exitCode != 0, $"The validator accepted a bag with a changed payload byte:\n{output}");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string bag)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(BagItValidatorFactAttribute.Command + " \"$1\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(bag);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
