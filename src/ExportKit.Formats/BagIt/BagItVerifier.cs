using System.IO.Compression;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Verifies BagIt 1.0 bags (RFC 8493), not only ExportKit's: the declaration, every payload and tag manifest in
/// <c>sha256</c>, <c>sha384</c> or <c>sha512</c>, every checksum, payload files no manifest lists, and <c>Payload-Oxum</c>.
/// Every problem is reported, not only the first. Files are streamed, never loaded whole; <c>fetch.txt</c> is not followed.
/// </summary>
public static class BagItVerifier
{
    /// <summary>Verifies a bag kept in a ZIP archive, at the archive's root or in its single top folder (as the auditor package does).</summary>
    /// <param name="zip">The archive. A stream that cannot seek is copied to a temporary file first. It is left open.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the stream is not a ZIP archive or holds no <c>bagit.txt</c>.</returns>
    public static async Task<BagVerificationReport> VerifyZipAsync(Stream zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanRead)
        {
            throw new ArgumentException("The ZIP stream cannot be read: pass a readable stream.", nameof(zip));
        }

        if (zip.CanSeek)
        {
            return await VerifySeekableZipAsync(zip, cancellationToken).ConfigureAwait(false);
        }

        var path = Path.Combine(Path.GetTempPath(), "exportkit-verify-" + Guid.NewGuid().ToString("N") + ".zip");
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (copy.ConfigureAwait(false))
        {
            await zip.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            return await VerifySeekableZipAsync(copy, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Verifies a bag kept as a directory: <paramref name="path"/> is the bag's root, the folder that holds <c>bagit.txt</c>.</summary>
    /// <param name="path">The bag's directory.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the directory does not exist or has no <c>bagit.txt</c>.</returns>
    public static async Task<BagVerificationReport> VerifyDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Directory.Exists(path))
        {
            return NotABag(path, $"The directory '{path}' does not exist.");
        }

        if (!File.Exists(Path.Combine(path, BagTagFiles.DeclarationName)))
        {
            return NotABag(path, $"The directory '{path}' has no bagit.txt: it is not the root of a BagIt bag.");
        }

        var problems = await BagChecker.CheckAsync(new DirectoryBagFiles(path), cancellationToken).ConfigureAwait(false);
        return new BagVerificationReport(problems);
    }

    private static async Task<BagVerificationReport> VerifySeekableZipAsync(Stream zip, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException error)
        {
            return NotABag(string.Empty, $"The stream is not a ZIP archive ({error.Message}).");
        }

        using (archive)
        {
            if (ZipBagFiles.Find(archive) is not { } bag)
            {
                return NotABag(string.Empty, "The ZIP archive has no bagit.txt at its root or in its single top folder: it does not hold a BagIt bag.");
            }

            var problems = bag.UnsafeEntries.Select(name => new BagProblem(BagProblemKind.PathOutsideBag, name,
                $"The ZIP entry '{name}' could be extracted outside the bag: entry names must be relative, with '/' separators and no '..' segments.")).ToList();
            problems.AddRange(await BagChecker.CheckAsync(bag, cancellationToken).ConfigureAwait(false));
            return new BagVerificationReport(problems);
        }
    }

    private static BagVerificationReport NotABag(string path, string message) => new([new BagProblem(BagProblemKind.NotABag, path, message)]);
}
