using System.CommandLine;
using ExportKit.Formats.BagIt;

namespace ExportKit.Sample.Commands;

/// <summary><c>verify PATH</c>: checks an auditor package (its ZIP, or the folder it was extracted to) or any BagIt bag.</summary>
internal static class VerifyCommand
{
    private static readonly Argument<string> Path = new("path") { Description = "An auditor package (.zip) or a bag's folder (the one holding bagit.txt)." };

    public static Command Create()
    {
        var command = new Command("verify", "Verify an auditor package or any BagIt 1.0 bag; exit 1 when anything is wrong.") { Path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(Path)!;
            BagVerificationReport report;
            if (Directory.Exists(path))
            {
                report = await BagItVerifier.VerifyDirectoryAsync(path, cancellationToken);
            }
            else if (File.Exists(path))
            {
                FileStream zip;
                try
                {
                    zip = File.OpenRead(path);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"Error: '{path}' cannot be read: {error.Message}");
                    return 1;
                }

                await using (zip)
                {
                    // The verifier never throws on hostile input: a damaged or forged archive comes back as problems.
                    report = await BagItVerifier.VerifyZipAsync(zip, cancellationToken);
                }
            }
            else
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Error: '{path}' is neither a file nor a folder.");
                return 1;
            }

            await output.WriteLineAsync(report.IsValid ? $"Valid BagIt bag: {path}" : $"Invalid: {report.Problems.Count} problem(s) in {path}");
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync($"  {problem}");
            }

            return report.IsValid ? 0 : 1;
        });
        return command;
    }
}
