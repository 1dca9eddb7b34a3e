using System.Diagnostics;
using System.IO.Compression;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.AuditorPackage;

/// <summary>
/// Checks the package with tools that share no code with ExportKit: GNU coreutils' <c>sha256sum</c> and <c>find</c>
/// (always, where they exist) and a BagIt implementation such as bagit-python (when one is configured).
/// </summary>
public sealed class ReferenceValidatorTests
{
    [CoreutilsFact]
    public async Task Coreutils_confirm_every_manifest_line_and_the_payload_oxum()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-coreutils-" + Guid.NewGuid().ToString("N"));
        try
        {
            ZipFile.ExtractToDirectory(new MemoryStream(await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"))), directory);
            var bag = Path.Combine(directory, "bnd_0c0ffee0c0ffee0c0ffee000-compliance-pack");

            var payload = await ShellAsync(bag, "sha256sum --check --strict manifest-sha256.txt");
            var tags = await ShellAsync(bag, "sha256sum --check --strict tagmanifest-sha256.txt");
            var oxum = await ShellAsync(bag, "find data -type f -printf '%s\\n' | awk '{ bytes += $1; files++ } END { print bytes \".\" files }'");
            var bagInfo = await File.ReadAllTextAsync(Path.Combine(bag, "bag-info.txt"));

            Assert.True(payload.ExitCode == 0, payload.Output);
            Assert.True(tags.ExitCode == 0, tags.Output);
            Assert.Contains($"Payload-Oxum: {oxum.Output.Trim()}\n", bagInfo, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> ShellAsync(string workingDirectory, string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

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
