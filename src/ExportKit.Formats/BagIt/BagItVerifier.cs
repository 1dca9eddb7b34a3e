using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Verifies BagIt 1.0 bags (RFC 8493), not only ExportKit's: the declaration, every payload and tag manifest in
/// <c>sha256</c>, <c>sha384</c> or <c>sha512</c>, every checksum, payload files no manifest lists, and <c>Payload-Oxum</c>.
/// It checks what an extractor would produce: every ZIP entry is inflated and its CRC-32 and length checked against
/// its headers; duplicate, unsafe, link and special-file entries are problems; in a folder bag, links and special files
/// are reported and never opened or followed. Every problem is reported, not only the first. Files are streamed, never
/// loaded whole, within the limits of <see cref="BagVerificationOptions"/>; <c>fetch.txt</c> is not followed. Hostile
/// input never makes it throw: it makes the bag invalid.
/// </summary>
public static class BagItVerifier
{
    /// <summary>Verifies a bag kept in a ZIP archive, at the archive's root or in its single top folder (as the auditor package does), with the default limits.</summary>
    /// <param name="zip">The archive. A stream that cannot seek is copied to a temporary file first. It is left open.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the stream is not a ZIP archive or holds no <c>bagit.txt</c>.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The BCL's shape (JsonSerializer): only the trailing CancellationToken is optional, so no call binds ambiguously; none of these overloads has shipped.")]
    public static Task<BagVerificationReport> VerifyZipAsync(Stream zip, CancellationToken cancellationToken = default) =>
        VerifyZipAsync(zip, new BagVerificationOptions(), cancellationToken);

    /// <summary>Verifies a bag kept in a ZIP archive, at the archive's root or in its single top folder (as the auditor package does).</summary>
    /// <param name="zip">The archive. A stream that cannot seek is copied to a temporary file first. It is left open.</param>
    /// <param name="options">The limits on line, tag file and payload file sizes.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the stream is not a ZIP archive or holds no <c>bagit.txt</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The BCL's shape (JsonSerializer): only the trailing CancellationToken is optional, so no call binds ambiguously; none of these overloads has shipped.")]
    public static async Task<BagVerificationReport> VerifyZipAsync(Stream zip, BagVerificationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));
        if (!zip.CanRead)
        {
            throw new ArgumentException("The ZIP stream cannot be read: pass a readable stream.", nameof(zip));
        }

        if (zip.CanSeek)
        {
            return await VerifySeekableZipAsync(zip, options, cancellationToken).ConfigureAwait(false);
        }

        var copy = Staging.PrivateTemporaryFile.Create(directory: null, "verify");
        await using (copy.ConfigureAwait(false))
        {
            await zip.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            copy.Position = 0;
            return await VerifySeekableZipAsync(copy, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Verifies a bag kept as a directory, with the default limits: <paramref name="path"/> is the bag's root, the folder that holds <c>bagit.txt</c>.</summary>
    /// <param name="path">The bag's directory.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the directory does not exist or has no <c>bagit.txt</c>.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The BCL's shape (JsonSerializer): only the trailing CancellationToken is optional, so no call binds ambiguously; none of these overloads has shipped.")]
    public static Task<BagVerificationReport> VerifyDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        VerifyDirectoryAsync(path, new BagVerificationOptions(), cancellationToken);

    /// <summary>Verifies a bag kept as a directory: <paramref name="path"/> is the bag's root, the folder that holds <c>bagit.txt</c>.</summary>
    /// <param name="path">The bag's directory.</param>
    /// <param name="options">The limits on line, tag file and payload file sizes.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The report; <see cref="BagProblemKind.NotABag"/> when the directory does not exist or has no <c>bagit.txt</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The BCL's shape (JsonSerializer): only the trailing CancellationToken is optional, so no call binds ambiguously; none of these overloads has shipped.")]
    public static async Task<BagVerificationReport> VerifyDirectoryAsync(string path, BagVerificationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));
        if (!Directory.Exists(path))
        {
            return NotABag(path, $"The directory '{path}' does not exist.");
        }

        if (!File.Exists(Path.Combine(path, BagTagFiles.DeclarationName)))
        {
            return NotABag(path, $"The directory '{path}' has no bagit.txt: it is not the root of a BagIt bag.");
        }

        try
        {
            var problems = await BagChecker.CheckAsync(new DirectoryBagFiles(path, options), options, cancellationToken).ConfigureAwait(false);
            return new BagVerificationReport(problems);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new BagVerificationReport([new BagProblem(BagProblemKind.UnreadableFile, string.Empty, $"The bag in '{path}' could not be read: {error.Message}")]);
        }
    }

    private static async Task<BagVerificationReport> VerifySeekableZipAsync(Stream zip, BagVerificationOptions options, CancellationToken cancellationToken = default)
    {
        try
        {
            if (ZipBagFiles.Find(zip, options, out var notABag) is not { } bag)
            {
                return NotABag(string.Empty, notABag!);
            }

            return new BagVerificationReport(await BagChecker.CheckAsync(bag, options, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            return new BagVerificationReport([new BagProblem(BagProblemKind.CorruptArchive, string.Empty, $"The ZIP archive is damaged: {error.Message}.")]);
        }
    }

    private static BagVerificationReport NotABag(string path, string message) => new([new BagProblem(BagProblemKind.NotABag, path, message)]);
}
