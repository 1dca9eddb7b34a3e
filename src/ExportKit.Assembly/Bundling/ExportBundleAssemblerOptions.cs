namespace ExportKit.Assembly;

/// <summary>Options of <see cref="ExportBundleAssembler"/>.</summary>
public sealed class ExportBundleAssemblerOptions
{
    /// <summary>The smallest <see cref="MaxFieldDepth"/> allowed.</summary>
    public const int MinFieldDepth = 1;

    /// <summary>
    /// The largest <see cref="MaxFieldDepth"/> allowed: far under what the formatters' nested writers could take on a
    /// 1 MB stack, so no accepted item can overflow it.
    /// </summary>
    public const int MaxAllowedFieldDepth = 256;

    /// <summary>
    /// Gets or sets how many levels of nested objects (<see cref="IReadOnlyList{T}"/> of <see cref="ExportField"/>) a
    /// field value may have. A record whose values nest deeper fails the export with
    /// <see cref="ExportErrorCodes.FieldTooDeep"/>, naming the data source, the record and the field.
    /// </summary>
    /// <value>The default value is 64; from 1 to 256.</value>
    public int MaxFieldDepth { get; set; } = 64;
}
