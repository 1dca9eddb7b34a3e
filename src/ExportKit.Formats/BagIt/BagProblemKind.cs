namespace ExportKit.Formats.BagIt;

/// <summary>What is wrong with a bag, as found by <see cref="BagItVerifier"/>.</summary>
public enum BagProblemKind
{
    /// <summary>The input is not a bag at all: not a ZIP archive, a missing directory, or no <c>bagit.txt</c> where a bag's root should be.</summary>
    NotABag,

    /// <summary><c>bagit.txt</c> is not the two lines <c>BagIt-Version: M.N</c> and <c>Tag-File-Character-Encoding: UTF-8</c>, has a byte-order mark, or names a version or encoding the verifier does not read.</summary>
    MalformedBagDeclaration,

    /// <summary><c>bag-info.txt</c> has a line that is neither <c>Label: value</c> nor an indented continuation.</summary>
    MalformedBagInfo,

    /// <summary>A manifest line is not <c>checksum path</c>, its checksum is not hex of the algorithm's length, a path is listed twice, a payload manifest lists a file outside <c>data/</c>, or no manifest uses an algorithm the verifier supports.</summary>
    MalformedManifest,

    /// <summary>A file a manifest lists is not in the bag, or the bag has no payload manifest or no <c>data/</c> directory.</summary>
    MissingFile,

    /// <summary>A payload file under <c>data/</c> that a payload manifest does not list.</summary>
    UnlistedFile,

    /// <summary>A file whose checksum differs from the one its manifest lists, or a ZIP entry whose CRC-32 differs from the one its headers declare.</summary>
    ChecksumMismatch,

    /// <summary>A manifest path or ZIP entry name that could point outside the bag: absolute, with a <c>..</c> segment, a drive letter or a backslash.</summary>
    PathOutsideBag,

    /// <summary><c>Payload-Oxum</c> in <c>bag-info.txt</c> is malformed or does not match the payload's byte and file counts.</summary>
    PayloadOxumMismatch,

    /// <summary>A ZIP entry whose real uncompressed length differs from the length its local or central header declares.</summary>
    SizeMismatch,

    /// <summary>Two ZIP entries with the same name, also when they differ only in letter case or Unicode normalisation (an extractor keeps one of them, which one depends on the tool).</summary>
    DuplicateEntry,

    /// <summary>A ZIP entry whose local header disagrees with the central directory: another name, CRC-32, sizes or compression method.</summary>
    HeaderMismatch,

    /// <summary>A ZIP entry name or file name that some common operating system cannot hold as it is: a NUL or other control character, a character or device name Windows forbids, a trailing dot or space, an empty or <c>.</c> segment, or non-ASCII text without the ZIP UTF-8 flag.</summary>
    UnsafeName,

    /// <summary>A symbolic link, hard link, FIFO, device, socket or reparse point, in a ZIP (by its external attributes) or in a folder bag; it is reported and never opened or followed.</summary>
    LinkOrSpecialFile,

    /// <summary>A line, tag file or payload file larger than a <see cref="BagVerificationOptions"/> limit; the file is not read past it.</summary>
    LimitExceeded,

    /// <summary>The ZIP archive's structure is damaged or inconsistent: truncated, offsets or sizes outside the archive, overlapping entries, or deflate data that cannot be inflated.</summary>
    CorruptArchive,

    /// <summary>A ZIP entry this verifier cannot read: encrypted, split over several disks, or compressed with a method other than stored or deflate.</summary>
    UnsupportedEntry,

    /// <summary>A file of a folder bag that could not be read (permissions, or it vanished during verification).</summary>
    UnreadableFile,
}
