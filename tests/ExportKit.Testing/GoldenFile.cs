using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace ExportKit.Testing;

/// <summary>
/// Snapshot assertions in Verify's layout (Verify.Xunit cannot be restored here): the expected output is
/// <c>Type.Case.verified.ext</c> beside the test's source file; on a mismatch the actual output is written to
/// <c>Type.Case.received.ext</c> (ignored by git) and the test fails naming both. Set EXPORTKIT_ACCEPT=1 to
/// accept received output as verified.
/// </summary>
public static class GoldenFile
{
    public static void Verify(string typeName, string caseName, string extension, byte[] actual, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        var verified = Path.Combine(directory, $"{typeName}.{caseName}.verified.{extension}");
        var received = Path.Combine(directory, $"{typeName}.{caseName}.received.{extension}");
        if (File.Exists(verified) && File.ReadAllBytes(verified).AsSpan().SequenceEqual(actual))
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("EXPORTKIT_ACCEPT") == "1")
        {
            File.WriteAllBytes(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllBytes(received, actual);
        var reason = File.Exists(verified) ? "differs from" : "has no";
        Assert.Fail($"The output {reason} its golden file.\n  verified: {verified}\n  received: {received}\nCompare them; if the received output is right, rename it to the verified name (or run with EXPORTKIT_ACCEPT=1).");
    }

    public static void Verify(string typeName, string caseName, string extension, string actual, [CallerFilePath] string callerFile = "") =>
        Verify(typeName, caseName, extension, Encoding.UTF8.GetBytes(actual), callerFile);
}
