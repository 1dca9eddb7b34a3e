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

    // How much (by estimate) of an export's items is held in memory before the rest is spooled to a temporary file;
    // internal: the default suits every export, and tests set it to 0 to exercise the file.
    internal long SpoolMemoryBudget { get; set; } = ItemSpool.DefaultMemoryBudget;

    /// <summary>Checks the options and returns every problem found, as the other options classes do.</summary>
    /// <returns>The problems, each naming the option, its value and what is allowed; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxFieldDepth is < MinFieldDepth or > MaxAllowedFieldDepth)
        {
            problems.Add(FormattableString.Invariant($"ExportBundleAssemblerOptions.MaxFieldDepth is {MaxFieldDepth}; it must be from {MinFieldDepth} to {MaxAllowedFieldDepth}."));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem, listing all of them.</summary>
    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName, string.Join(" ", problems));
        }
    }
}
