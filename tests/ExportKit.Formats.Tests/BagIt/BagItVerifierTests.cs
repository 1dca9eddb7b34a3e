using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Tests.AuditorPackage;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.BagIt;

public sealed class BagItVerifierTests
{
    private const string Root = "bnd_a1e7a1e7a1e7a1e7a1e7a1e7-alert-logs/";
    private const string Json = "data/alert-logs/alert-logs.json";

    [Fact]
    public async Task A_changed_payload_byte_is_a_checksum_mismatch()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive =>
        {
            var bytes = AuditorPackages.ReadBytes(archive, Root + Json);
            bytes[20] ^= 0x01;
            AuditorPackages.Replace(archive, Root + Json, bytes);
        });

        var report = await VerifyAsync(zip);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.ChecksumMismatch, Json), (problem.Kind, problem.Path));
        Assert.Contains("manifest-sha256.txt lists", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_payload_file_is_missing_and_breaks_the_oxum()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive => archive.GetEntry(Root + Json)!.Delete());

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.MissingFile, Json), (BagProblemKind.PayloadOxumMismatch, "bag-info.txt")], Kinds(report));
    }

    [Fact]
    public async Task An_added_file_is_unlisted()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive => AuditorPackages.Replace(archive, Root + "data/extra.txt", "slipped in"));

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.UnlistedFile, "data/extra.txt"), (BagProblemKind.PayloadOxumMismatch, "bag-info.txt")], Kinds(report));
    }

    [Theory]
    [InlineData("BagIt-Version: 1.0\n")]
    [InlineData("BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n")]
    [InlineData("BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n")]
    [InlineData("\uFEFFBagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")]
    public async Task A_bad_bag_declaration_is_malformed(string declaration)
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive => AuditorPackages.Replace(archive, Root + "bagit.txt", declaration));

        var report = await VerifyAsync(zip);

        // The tag manifest also notices that bagit.txt changed.
        Assert.Equal([(BagProblemKind.MalformedBagDeclaration, "bagit.txt"), (BagProblemKind.ChecksumMismatch, "bagit.txt")], Kinds(report));
    }

    [Theory]
    [InlineData("not-a-checksum  data/index.html\n")]
    [InlineData("0123abc\n")]
    public async Task A_malformed_manifest_line_is_reported(string line)
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive =>
            AuditorPackages.Replace(archive, Root + "manifest-sha256.txt", Encoding.UTF8.GetString(AuditorPackages.ReadBytes(archive, Root + "manifest-sha256.txt")) + line));

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.MalformedManifest, "manifest-sha256.txt"), (BagProblemKind.ChecksumMismatch, "manifest-sha256.txt")], Kinds(report));
        Assert.Contains("Line 6", report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("data\\index.html")]
    public async Task A_manifest_path_that_leaves_the_bag_is_reported(string path)
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive =>
            AuditorPackages.Replace(archive, Root + "manifest-sha256.txt", Encoding.UTF8.GetString(AuditorPackages.ReadBytes(archive, Root + "manifest-sha256.txt")) + new string('a', 64) + "  " + path + "\n"));

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.PathOutsideBag, path), (BagProblemKind.ChecksumMismatch, "manifest-sha256.txt")], Kinds(report));
    }

    [Fact]
    public async Task A_wrong_payload_oxum_is_reported()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive =>
        {
            var info = Encoding.UTF8.GetString(AuditorPackages.ReadBytes(archive, Root + "bag-info.txt"));
            AuditorPackages.Replace(archive, Root + "bag-info.txt", info[..info.IndexOf("Payload-Oxum", StringComparison.Ordinal)] + "Payload-Oxum: 1.5\n");
        });

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.ChecksumMismatch, "bag-info.txt"), (BagProblemKind.PayloadOxumMismatch, "bag-info.txt")], Kinds(report));
        Assert.Contains("Payload-Oxum says 1.5", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_not_only_the_first()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive =>
        {
            archive.GetEntry(Root + "data/metadata/README.md")!.Delete();
            AuditorPackages.Replace(archive, Root + "data/index.html", "<p>replaced</p>");
            AuditorPackages.Replace(archive, Root + "data/notes.txt", "extra");
        });

        var report = await VerifyAsync(zip);

        Assert.False(report.IsValid);
        Assert.Equal(
            [(BagProblemKind.MissingFile, "data/metadata/README.md"), (BagProblemKind.UnlistedFile, "data/notes.txt"), (BagProblemKind.ChecksumMismatch, "data/index.html")],
            Kinds(report).Where(k => k.Kind != BagProblemKind.PayloadOxumMismatch));
    }

    [Fact]
    public async Task A_stream_that_is_not_a_zip_is_not_a_bag()
    {
        var noise = new byte[4096];
        new Random(42).NextBytes(noise);

        var report = await BagItVerifier.VerifyZipAsync(new MemoryStream(noise));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(BagProblemKind.NotABag, problem.Kind);
        Assert.Contains("not a ZIP archive", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_without_bagit_txt_is_not_a_bag()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive => archive.GetEntry(Root + "bagit.txt")!.Delete());

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.NotABag, string.Empty)], Kinds(report));
    }

    [Fact]
    public async Task A_directory_without_bagit_txt_is_not_a_bag()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "readme.txt"), "not a bag");

        var report = await BagItVerifier.VerifyDirectoryAsync(directory.Path);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(BagProblemKind.NotABag, problem.Kind);
        Assert.Contains("has no bagit.txt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extracted_package_verifies_as_a_directory_and_a_changed_file_is_found()
    {
        using var directory = new TempDirectory();
        ZipFile.ExtractToDirectory(new MemoryStream(await PackageAsync()), directory.Path);
        var bag = Path.Combine(directory.Path, Root.TrimEnd('/'));

        var report = await BagItVerifier.VerifyDirectoryAsync(bag);
        Assert.True(report.IsValid, report.ToString());

        await File.AppendAllTextAsync(Path.Combine(bag, "data", "alert-logs", "alert-logs.csv"), "x");
        report = await BagItVerifier.VerifyDirectoryAsync(bag);
        Assert.Equal([(BagProblemKind.ChecksumMismatch, "data/alert-logs/alert-logs.csv"), (BagProblemKind.PayloadOxumMismatch, "bag-info.txt")], Kinds(report));
    }

    [Fact]
    public async Task A_foreign_bag_at_the_zip_root_with_a_sha512_manifest_and_crlf_lines_verifies()
    {
        var payload = Encoding.UTF8.GetBytes("hello, auditor\n");
        var sha512 = Convert.ToHexString(SHA512.HashData(payload));
        var zip = Zip(
            ("bagit.txt", "BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8\r\n"),
            ("bag-info.txt", $"Contact-Name: Someone\r\n  Else\r\nPayload-Oxum: {payload.Length}.1\r\n"),
            ("data/", null),
            ("data/hello world.txt", "hello, auditor\n"),
            ("manifest-sha512.txt", $"{sha512}\tdata/hello world.txt\r\n"));

        var report = await BagItVerifier.VerifyZipAsync(new MemoryStream(zip));

        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task A_bag_whose_only_manifest_uses_an_unsupported_algorithm_is_reported()
    {
        var zip = Zip(
            ("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
            ("data/a.txt", "a"),
            ("manifest-md5.txt", "0cc175b9c0f1b6a831c399e269772661  data/a.txt\n"));

        var report = await BagItVerifier.VerifyZipAsync(new MemoryStream(zip));

        Assert.Equal([(BagProblemKind.MalformedManifest, "manifest-md5.txt")], Kinds(report));
        Assert.Contains("sha256, sha384, sha512", report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_entry_that_leaves_the_archive_is_reported()
    {
        var zip = AuditorPackages.Tamper(await PackageAsync(), archive => AuditorPackages.Replace(archive, "../evil.sh", "rm -rf /"));

        var report = await VerifyAsync(zip);

        Assert.Equal([(BagProblemKind.PathOutsideBag, "../evil.sh")], Kinds(report));
    }

    [Fact]
    public async Task A_forward_only_zip_stream_is_verified_through_a_temporary_copy()
    {
        var zip = await PackageAsync();

        await using var forwardOnly = new BufferedStream(new NonSeekable(zip));
        var report = await BagItVerifier.VerifyZipAsync(forwardOnly);

        Assert.True(report.IsValid, report.ToString());
    }

    private static Task<byte[]> PackageAsync() => AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"), new AuditorPackageOptions { CompressionLevel = CompressionLevel.NoCompression });

    private static Task<BagVerificationReport> VerifyAsync(byte[] zip) => BagItVerifier.VerifyZipAsync(new MemoryStream(zip));

    private static (BagProblemKind Kind, string Path)[] Kinds(BagVerificationReport report) => [.. report.Problems.Select(p => (p.Kind, p.Path))];

    private static byte[] Zip(params (string Name, string? Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                if (text is not null)
                {
                    entry.Write(Encoding.UTF8.GetBytes(text));
                }
            }
        }

        return stream.ToArray();
    }

    private sealed class NonSeekable(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("exportkit-bag-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
