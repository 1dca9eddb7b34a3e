namespace ExportKit.Assembly;

/// <summary>
/// Reads one data source for one section: checks the (timestamp, id) order, drops and counts records outside the
/// scope or time range, and projects the rest into items, refusing any whose values nest too deep: this is the one
/// place every item passes before anything (the content hash, a formatter) walks its values.
/// </summary>
internal sealed class SourceCursor : IAsyncDisposable
{
    private readonly IAsyncEnumerator<PhaseRecord> records;
    private readonly IPhaseDataSource source;
    private readonly ExportSectionDefinition section;
    private readonly PhaseReadRequest request;
    private readonly DateTimeOffset now;
    private readonly int maxFieldDepth;
    private readonly DropCounter dropped;
    private PhaseRecord? previous;

    public SourceCursor(IPhaseDataSource source, int order, ExportSectionDefinition section, PhaseReadRequest request, DateTimeOffset now, int maxFieldDepth, DropCounter dropped, CancellationToken cancellationToken)
    {
        this.maxFieldDepth = maxFieldDepth;
        this.source = source;
        this.section = section;
        this.request = request;
        this.now = now;
        this.dropped = dropped;
        Order = order;
        records = Guard(() => source.ReadAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken));
    }

    public int Order { get; }

    public SectionItem Current { get; private set; }

    public async ValueTask<bool> MoveNextAsync()
    {
        while (await MoveRecordAsync().ConfigureAwait(false))
        {
            var record = records.Current ?? throw Failed($"returned a null record", null);
            CheckOrder(record);
            if (!request.Scope.Contains(record.TenantId, record.FacilityId) || !request.TimeRange.Contains(record.Timestamp))
            {
                dropped.Increment();
                continue;
            }

            if (Project(record) is { } projected)
            {
                Current = projected;

                // The merge orders items by the records' order: a projection that moved either would scramble it.
                if (!string.Equals(projected.Item.ItemId, record.RecordId, StringComparison.Ordinal) || projected.Item.Timestamp.UtcTicks != record.Timestamp.UtcTicks)
                {
                    throw new ExportException(
                        ExportErrorCodes.SourceFailed,
                        $"The projection of section '{section.SectionId}' changed the id or timestamp of record '{record.RecordId}' of {record.Phase.DataSource}; an item must keep its record's id and timestamp.");
                }

                CheckDepth(projected.Item);
                return true;
            }
        }

        Current = default;
        return false;
    }

    public ValueTask DisposeAsync() => records.DisposeAsync();

    private void CheckOrder(PhaseRecord record)
    {
        if (!record.Phase.Equals(source.Phase))
        {
            throw new ExportException(ExportErrorCodes.SourceFailed, $"The data source for {source.Phase.DataSource} returned record '{record.RecordId}' of {record.Phase.DataSource}; a source returns only its own phase's records.");
        }

        if (previous is not null && Compare(previous, record) >= 0)
        {
            throw new ExportException(
                ExportErrorCodes.SourceOutOfOrder,
                FormattableString.Invariant($"The data source for {source.Phase.DataSource} returned record '{record.RecordId}' ({ExportValueText.FormatInstant(record.Timestamp)}) after '{previous.RecordId}' ({ExportValueText.FormatInstant(previous.Timestamp)}); sources must return records ordered by timestamp, then by id (ordinal), without duplicates."));
        }

        previous = record;
    }

    private void CheckDepth(ExportItem item)
    {
        if (FieldDepth.FindTooDeep(item.Data, maxFieldDepth) is { } field)
        {
            throw new ExportException(
                ExportErrorCodes.FieldTooDeep,
                FormattableString.Invariant($"Record '{item.ItemId}' of {source.Phase.DataSource} (section '{section.SectionId}'): field '{field}' nests objects more than {maxFieldDepth} levels deep. Flatten the value in the data source or the section's projection, or raise ExportKitOptions.MaxFieldDepth (at most {ExportBundleAssemblerOptions.MaxAllowedFieldDepth})."));
        }
    }

    // Items are made here, and a field's value is checked when it is made (ExportField): a value no format can write
    // fails the export before any byte of it is formatted, the same way in every format.
    private SectionItem? Project(PhaseRecord record)
    {
        try
        {
            if (section.HasDefaultProjection)
            {
                return new SectionItem(ExportSectionDefinition.DefaultItem(record), record.SummarySeverity, record.SummaryStatus);
            }

            return section.Projection(record, now) is { } projected ? new SectionItem(projected.Item, projected.Severity, projected.Status) : null;
        }
        catch (ArgumentException ex)
        {
            var reason = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new ExportException(
                ExportErrorCodes.InvalidFieldValue,
                $"Record '{record.RecordId}' of {source.Phase.DataSource} (section '{section.SectionId}') cannot be exported: {reason}",
                ex);
        }
    }

    private static int Compare(PhaseRecord a, PhaseRecord b)
    {
        var byTime = a.Timestamp.UtcTicks.CompareTo(b.Timestamp.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.RecordId, b.RecordId);
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not (ExportException or OperationCanceledException))
        {
            throw Failed("failed", ex);
        }
    }

    // Not a delegate-taking guard: a method group would allocate a delegate for every record.
    private async ValueTask<bool> MoveRecordAsync()
    {
        try
        {
            return await records.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (ExportException or OperationCanceledException))
        {
            throw Failed("failed", ex);
        }
    }

    private ExportException Failed(string what, Exception? inner) => new(
        ExportErrorCodes.SourceFailed,
        inner is null
            ? $"The data source for {source.Phase.DataSource} {what}."
            : $"The data source for {source.Phase.DataSource} {what}: {inner.Message}",
        inner);
}
