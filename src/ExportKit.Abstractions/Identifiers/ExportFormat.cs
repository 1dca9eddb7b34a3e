namespace ExportKit;

/// <summary>
/// Identifies an output format with its MIME type and file extension. The six built-in formats are
/// static members; a host may add its own together with an <see cref="IExportFormatter"/>.
/// </summary>
public sealed class ExportFormat : IEquatable<ExportFormat>
{
    /// <summary>The whole bundle as pretty-printed JSON.</summary>
    public static readonly ExportFormat Json = new("json", "application/json", ".json");
    /// <summary>One row per item, RFC 4180.</summary>
    public static readonly ExportFormat Csv = new("csv", "text/csv", ".csv");
    /// <summary>A styled, printable HTML5 document.</summary>
    public static readonly ExportFormat Html = new("html", "text/html", ".html");
    /// <summary>CommonMark documentation.</summary>
    public static readonly ExportFormat Markdown = new("markdown", "text/markdown", ".md");
    /// <summary>A ZIP of the JSON, CSV and HTML renderings with a README.</summary>
    public static readonly ExportFormat Zip = new("zip", "application/zip", ".zip");
    /// <summary>A ZIP holding a BagIt bag laid out for auditors.</summary>
    public static readonly ExportFormat AuditorPackage = new("auditor-package", "application/zip", ".zip");

    /// <summary>Creates a format identifier.</summary>
    /// <param name="value">Lower-case words separated by dashes, for example <c>json</c>.</param>
    /// <param name="mimeType">The MIME type of the files this format writes, for example <c>application/json</c>.</param>
    /// <param name="extension">The file extension, with its leading dot, for example <c>.json</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty or malformed.</exception>
    public ExportFormat(string value, string mimeType, string extension)
    {
        Value = IdentifierRules.Validate(value, nameof(value), "format");
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        if (extension[0] != '.' || extension.Length < 2 || extension.AsSpan(1).IndexOfAny("./\\ ") >= 0)
        {
            throw new ArgumentException($"'{extension}' is not a file extension: give a dot followed by letters, for example '.json'.", nameof(extension));
        }

        MimeType = mimeType;
        Extension = extension;
    }

    /// <summary>Gets the six formats ExportKit ships.</summary>
    public static IReadOnlyList<ExportFormat> BuiltIn { get; } = [Json, Csv, Html, Markdown, Zip, AuditorPackage];

    /// <summary>Gets the identifier, for example <c>json</c>.</summary>
    public string Value { get; }

    /// <summary>Gets the MIME type, for example <c>application/json</c>.</summary>
    public string MimeType { get; }

    /// <summary>Gets the file extension with its leading dot, for example <c>.json</c>.</summary>
    public string Extension { get; }

    /// <summary>Gets a value indicating whether this format packs several files (ZIP and auditor package).</summary>
    public bool IsBundleFormat => Equals(Zip) || Equals(AuditorPackage);

    /// <summary>Finds a built-in format by its identifier.</summary>
    /// <param name="value">The identifier, for example <c>csv</c>.</param>
    /// <param name="format">The format, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> names a built-in format.</returns>
    public static bool TryGetBuiltIn(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ExportFormat? format)
    {
        format = BuiltIn.FirstOrDefault(f => string.Equals(f.Value, value, StringComparison.Ordinal));
        return format is not null;
    }

    /// <inheritdoc />
    public bool Equals(ExportFormat? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportFormat);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
