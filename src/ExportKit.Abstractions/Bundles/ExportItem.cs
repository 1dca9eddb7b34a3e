namespace ExportKit;

/// <summary>One exported record: its id, type and instant, its data in the source's field order, and its references.</summary>
public sealed class ExportItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="itemId">The record's id.</param>
    /// <param name="itemType">The record's type, for example <c>audit-finding</c>.</param>
    /// <param name="timestamp">The record's instant.</param>
    /// <param name="data">The record's fields, in the order its source declares them.</param>
    /// <param name="references">Ids of related records, sorted and without duplicates.</param>
    /// <exception cref="ArgumentException">
    /// An id or the type is empty, or <paramref name="data"/> holds a field that was never made (<c>default(ExportField)</c>).
    /// Every field's value was checked when the field was made (see <see cref="ExportValueText"/>).
    /// </exception>
    public ExportItem(string itemId, string itemType, DateTimeOffset timestamp, IReadOnlyList<ExportField> data, IReadOnlyList<string>? references = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        ArgumentException.ThrowIfNullOrEmpty(itemType);
        ArgumentNullException.ThrowIfNull(data);
        for (var index = 0; index < data.Count; index++)
        {
            if (data[index].Name is null)
            {
                throw new ArgumentException(FormattableString.Invariant($"Item '{itemId}': field {index} was never made (default(ExportField)): create every field with new ExportField(name, value)."), nameof(data));
            }
        }

        ItemId = itemId;
        ItemType = itemType;
        Timestamp = timestamp.ToUniversalTime();
        Data = data;
        References = references ?? [];
    }

    /// <summary>Gets the record's id.</summary>
    public string ItemId { get; }

    /// <summary>Gets the record's type, for example <c>audit-finding</c>.</summary>
    public string ItemType { get; }

    /// <summary>Gets the record's instant, in UTC.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the record's fields in the order its source declares them.</summary>
    public IReadOnlyList<ExportField> Data { get; }

    /// <summary>Gets the ids of related records, sorted ordinally and without duplicates.</summary>
    public IReadOnlyList<string> References { get; }
}
