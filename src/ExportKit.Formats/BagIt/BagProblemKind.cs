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

    /// <summary>A file whose checksum differs from the one its manifest lists.</summary>
    ChecksumMismatch,

    /// <summary>A manifest path or ZIP entry name that could point outside the bag: absolute, with a <c>..</c> segment, a drive letter or a backslash.</summary>
    PathOutsideBag,

    /// <summary><c>Payload-Oxum</c> in <c>bag-info.txt</c> is malformed or does not match the payload's byte and file counts.</summary>
    PayloadOxumMismatch,
}
