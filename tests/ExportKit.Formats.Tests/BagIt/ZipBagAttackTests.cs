using System.IO.Compression;
using System.Text;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Tests.AuditorPackage;

namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Issue 8: hostile ZIP bags, each built here, must be invalid with a named problem, never "valid" and never an exception.</summary>
public sealed class ZipBagAttackTests
{
    [Fact]
    public async Task A_valid_raw_bag_verifies()
    {
        var report = await VerifyAsync(HostileBags.ZipEntries());

        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task A_forged_package_entry_re_deflated_with_its_crc_fixed_but_its_declared_size_kept_is_invalid()
    {
        var package = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"));
        var entries = RawZip.ReadEntries(package);
        var csv = entries.Single(e => e.Name.EndsWith(".csv", StringComparison.Ordinal));
        var forged = new RawZipEntry { Name = csv.Name, Data = [.. csv.Data, .. "forged,row\n"u8.ToArray()], DeclaredSize = (ulong)csv.Data.Length };
        entries[entries.IndexOf(csv)] = forged;

        var report = await VerifyAsync(entries);

        var path = csv.Name[(csv.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.SizeMismatch && p.Path == path);
        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.ChecksumMismatch && p.Path == path && p.Message.Contains("manifest-sha256.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_whose_crc_does_not_match_its_content_is_a_checksum_mismatch()
    {
        var entries = HostileBags.ZipEntries();
        entries[entries.FindIndex(e => e.Name == "data/a.txt")] = new RawZipEntry { Name = "data/a.txt", Text = "alpha\n", Crc = 0xDEADBEEF };

        var report = await VerifyAsync(entries);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.ChecksumMismatch, "data/a.txt"), (problem.Kind, problem.Path));
        Assert.Contains("CRC-32", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_header_name_that_differs_from_the_central_directory_is_a_header_mismatch()
    {
        var entries = HostileBags.ZipEntries();
        entries[entries.FindIndex(e => e.Name == "data/a.txt")] = new RawZipEntry { Name = "data/a.txt", Text = "alpha\n", LocalName = "data/x.txt" };

        var report = await VerifyAsync(entries);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.HeaderMismatch, "data/a.txt"), (problem.Kind, problem.Path));
        Assert.Contains("data/x.txt", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/a.txt")]
    [InlineData("data/A.TXT")]
    [InlineData("DATA/a.txt")]
    public async Task A_second_entry_with_the_same_name_or_the_same_name_in_another_case_is_a_duplicate(string duplicate)
    {
        var report = await VerifyAsync(HostileBags.ZipEntries(new RawZipEntry { Name = duplicate, Text = "evil\n" }));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.DuplicateEntry && p.Path == duplicate);
    }

    [Fact]
    public async Task Two_entries_whose_names_are_equal_after_unicode_normalisation_are_duplicates()
    {
        var composed = "data/caf\u00e9.txt";
        var decomposed = "data/cafe\u0301.txt";
        var payload = new Dictionary<string, string>(HostileBags.Payload) { [composed] = "one\n" };
        var entries = HostileBags.TagFiles(payload).Select(t => new RawZipEntry { Name = t.Key, Text = t.Value })
            .Concat(payload.Select(p => new RawZipEntry { Name = p.Key, Text = p.Value }))
            .Append(new RawZipEntry { Name = decomposed, Text = "two\n" });

        var report = await VerifyAsync(entries);

        var problem = Assert.Single(report.Problems, p => p.Kind == BagProblemKind.DuplicateEntry);
        Assert.Equal(decomposed, problem.Path);
    }

    [Theory]
    [InlineData(0xA1FFu, "symbolic link")]
    [InlineData(0x11A4u, "FIFO")]
    [InlineData(0x21A4u, "character device")]
    [InlineData(0x61A4u, "block device")]
    [InlineData(0xC1A4u, "socket")]
    public async Task A_link_or_special_file_entry_is_reported_and_not_part_of_the_bag(uint mode, string what)
    {
        var report = await VerifyAsync(HostileBags.ZipEntries(new RawZipEntry { Name = "data/passwd", Text = "/etc/passwd", ExternalAttributes = mode << 16 }));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BagProblemKind.LinkOrSpecialFile, "data/passwd"), (problem.Kind, problem.Path));
        Assert.Contains(what, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/cron.d/evil", BagProblemKind.PathOutsideBag)]
    [InlineData("data/../../evil", BagProblemKind.PathOutsideBag)]
    [InlineData("data\\..\\..\\evil", BagProblemKind.PathOutsideBag)]
    [InlineData("C:/evil", BagProblemKind.PathOutsideBag)]
    [InlineData("C:evil", BagProblemKind.PathOutsideBag)]
    [InlineData("data/a\0b.txt", BagProblemKind.UnsafeName)]
    [InlineData("data/CON", BagProblemKind.UnsafeName)]
    [InlineData("data/nul.txt", BagProblemKind.UnsafeName)]
    [InlineData("data/a:b", BagProblemKind.UnsafeName)]
    [InlineData("data/what?", BagProblemKind.UnsafeName)]
    [InlineData("data/trailing.", BagProblemKind.UnsafeName)]
    [InlineData("data//double", BagProblemKind.UnsafeName)]
    [InlineData("data/./dot", BagProblemKind.UnsafeName)]
    public async Task A_name_that_some_os_would_extract_elsewhere_or_not_at_all_is_reported(string name, BagProblemKind kind)
    {
        var report = await VerifyAsync(HostileBags.ZipEntries(new RawZipEntry { Name = name, Text = "evil\n" }));

        Assert.Contains(report.Problems, p => p.Kind == kind && p.Path == name);
        Assert.False(report.IsValid);
    }

    [Fact]
    public async Task Two_zip64_entries_declaring_2_to_the_62_bytes_are_problems_not_an_overflow()
    {
        var huge = 1UL << 62;
        var entries = HostileBags.ZipEntries(
            new RawZipEntry { Name = "data/huge1", Text = "x", DeclaredSize = huge },
            new RawZipEntry { Name = "data/huge2", Text = "y", DeclaredSize = huge });

        var byDefault = await VerifyAsync(entries);
        var unlimited = await BagItVerifier.VerifyZipAsync(new MemoryStream(RawZip.Build(entries)), new BagVerificationOptions { MaxPayloadFileBytes = long.MaxValue });

        Assert.Equal(2, byDefault.Problems.Count(p => p.Kind == BagProblemKind.LimitExceeded && p.Message.Contains("MaxPayloadFileBytes", StringComparison.Ordinal)));
        Assert.Equal(2, unlimited.Problems.Count(p => p.Kind == BagProblemKind.SizeMismatch));
        Assert.Contains(unlimited.Problems, p => p.Kind == BagProblemKind.PayloadOxumMismatch && p.Message.Contains("9223372036854775828.4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_that_inflates_past_its_declared_size_is_stopped_and_reported()
    {
        var bomb = new byte[50_000_000];
        var entries = HostileBags.ZipEntries(new RawZipEntry { Name = "data/bomb", Data = bomb, DeclaredSize = 10, Crc = 0 });

        var report = await VerifyAsync(entries);

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.SizeMismatch && p.Path == "data/bomb");
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(8, 1)]
    public async Task An_encrypted_entry_or_an_unknown_method_is_unsupported(ushort method, ushort flags)
    {
        var report = await VerifyAsync(HostileBags.ZipEntries(new RawZipEntry { Name = "data/x", Text = "x", Method = method, Flags = flags }));

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.UnsupportedEntry && p.Path == "data/x");
    }

    [Fact]
    public async Task Damaged_deflate_data_is_a_corrupt_archive_problem()
    {
        var entries = HostileBags.ZipEntries();
        entries[entries.FindIndex(e => e.Name == "data/a.txt")] = new RawZipEntry { Name = "data/a.txt", Text = "alpha\n", Compressed = [0xFF, 0xFF, 0xFF, 0xFF] };

        var report = await VerifyAsync(entries);

        Assert.Contains(report.Problems, p => p.Kind == BagProblemKind.CorruptArchive && p.Path == "data/a.txt");
    }

    [Fact]
    public async Task A_truncated_or_bit_flipped_package_is_invalid_and_never_throws()
    {
        var package = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"));
        var random = new Random(8);
        for (var i = 0; i < 300; i++)
        {
            var damaged = i < 100 ? package[..random.Next(package.Length)] : [.. package];
            if (i >= 100)
            {
                for (var flips = 0; flips < 1 + (i % 4); flips++)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            var report = await BagItVerifier.VerifyZipAsync(new MemoryStream(damaged));

            Assert.True(i >= 100 || !report.IsValid, $"truncated at {damaged.Length} verified as valid");
            Assert.All(report.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }
    }

    private static Task<BagVerificationReport> VerifyAsync(IEnumerable<RawZipEntry> entries) => BagItVerifier.VerifyZipAsync(new MemoryStream(RawZip.Build(entries)));
}
