using System.Diagnostics;
using ExportKit.Formats.BagIt;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Issue 8: folder bags must never open or follow links, FIFOs or devices, nor reveal anything outside the bag.</summary>
public sealed class FolderBagAttackTests : IDisposable
{
    private const string Secret = "root:x:0:0:secret\n";
    private readonly string directory = Directory.CreateTempSubdirectory("exportkit-folder-attack-").FullName;

    private string Bag => Path.Combine(directory, "bag");

    private string Outside => Path.Combine(directory, "outside");

    public FolderBagAttackTests()
    {
        HostileBags.WriteFolder(Bag);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "passwd"), Secret);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_valid_folder_bag_verifies()
    {
        var report = await BagItVerifier.VerifyDirectoryAsync(Bag);

        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task A_payload_symlink_to_a_file_outside_the_bag_is_reported_and_its_hash_never_printed()
    {
        File.CreateSymbolicLink(Path.Combine(Bag, "data", "passwd"), Path.Combine(Outside, "passwd"));
        await File.AppendAllTextAsync(Path.Combine(Bag, "manifest-sha256.txt"), new string('0', 64) + "  data/passwd\n");

        var report = await BagItVerifier.VerifyDirectoryAsync(Bag);

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LinkOrSpecialFile && p.Path == "data/passwd");
        Assert.DoesNotContain(report.Problems, p => p.Message.Contains(HostileBags.Sha256(Secret), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(report.Problems, p => p.Kind == BagProblemKind.ChecksumMismatch);
    }

    [Fact]
    public async Task A_symlinked_directory_is_reported_and_never_walked()
    {
        Directory.CreateSymbolicLink(Path.Combine(Bag, "data", "linked"), Outside);

        var report = await BagItVerifier.VerifyDirectoryAsync(Bag);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.LinkOrSpecialFile, "data/linked"), (problem.Kind, problem.Path));
    }

    [Fact]
    public async Task A_symlinked_tag_file_is_reported_and_not_read()
    {
        var manifest = Path.Combine(Bag, "manifest-sha256.txt");
        File.Move(manifest, Path.Combine(Outside, "manifest-sha256.txt"));
        File.CreateSymbolicLink(manifest, Path.Combine(Outside, "manifest-sha256.txt"));

        var report = await BagItVerifier.VerifyDirectoryAsync(Bag);

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LinkOrSpecialFile && p.Path == "manifest-sha256.txt");
        Assert.False(report.IsValid);
    }

    [Fact]
    public async Task A_link_to_dev_zero_listed_in_the_manifest_does_not_hang()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Windows: there is no /dev/zero to link to; the link case is covered above
        }

        File.CreateSymbolicLink(Path.Combine(Bag, "data", "zero"), "/dev/zero");
        await File.AppendAllTextAsync(Path.Combine(Bag, "manifest-sha256.txt"), new string('0', 64) + "  data/zero\n");

        var report = await BagItVerifier.VerifyDirectoryAsync(Bag).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LinkOrSpecialFile && p.Path == "data/zero");
    }

    [MkfifoFact]
    public async Task A_fifo_listed_in_the_manifest_is_reported_and_never_opened()
    {
        var fifo = Path.Combine(Bag, "data", "pipe");
        using (var mkfifo = Process.Start(MkfifoFactAttribute.Path!, [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        await File.AppendAllTextAsync(Path.Combine(Bag, "manifest-sha256.txt"), new string('0', 64) + "  data/pipe\n");

        var report = await BagItVerifier.VerifyDirectoryAsync(Bag).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.LinkOrSpecialFile && p.Path == "data/pipe" && p.Message.Contains("FIFO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payload_file_larger_than_the_limit_is_not_read()
    {
        var report = await BagItVerifier.VerifyDirectoryAsync(Bag, new BagVerificationOptions { MaxPayloadFileBytes = 10 });

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.LimitExceeded, "data/b.csv"), (problem.Kind, problem.Path));
        Assert.Contains("MaxPayloadFileBytes (10 bytes)", problem.Message, StringComparison.Ordinal);
    }
}
