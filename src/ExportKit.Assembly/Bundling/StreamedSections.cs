namespace ExportKit.Assembly;

/// <summary>
/// The sections of a bundle assembled while it is written (<see cref="ExportBundleAssembler.StreamAsync"/>): each
/// section's items are read from the sources, counted and hashed as the formatter enumerates them, and nothing is kept.
/// The formatter must therefore read each section once, in order, to its end; anything else is refused, because the
/// bundle id and counts would then not describe what was written.
/// </summary>
internal sealed class StreamedSections(
    ExportCategoryDefinition definition,
    IReadOnlyDictionary<ExportPhase, IPhaseDataSource> sources,
    PhaseReadRequest request,
    DateTimeOffset now,
    int maxFieldDepth,
    DropCounter dropped,
    SortedSet<string> references)
{
    private readonly SectionTally?[] tallies = new SectionTally?[definition.Sections.Count];

    /// <summary>The items of section <paramref name="index"/>, readable once, after every section before it.</summary>
    public IAsyncEnumerable<ExportItem> Items(int index) => new Section(this, index);

    /// <summary>The sections' tallies, once every section has been read to its end.</summary>
    /// <exception cref="InvalidOperationException">A section was not read, or not to its end.</exception>
    public SectionTally[] Finish()
    {
        var finished = new SectionTally[tallies.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            if (tallies[i] is not { Completed: true } tally)
            {
                throw new InvalidOperationException(
                    $"The formatter did not read section '{definition.Sections[i].SectionId}' to its end: a streamed bundle's sections must each be read once, in order, to the end, or its bundle id and counts would not describe the file.");
            }

            finished[i] = tally;
        }

        return finished;
    }

    private IAsyncEnumerator<ExportItem> Open(int index, CancellationToken cancellationToken)
    {
        if (tallies[index] is not null)
        {
            throw new InvalidOperationException(
                $"Section '{definition.Sections[index].SectionId}' of a streamed bundle was read a second time: its items come from the sources as they are read and can be read once.");
        }

        for (var i = 0; i < index; i++)
        {
            if (tallies[i] is not { Completed: true })
            {
                throw new InvalidOperationException(
                    $"Section '{definition.Sections[index].SectionId}' of a streamed bundle was read before section '{definition.Sections[i].SectionId}' was read to its end: read the sections in order.");
            }
        }

        var tally = new SectionTally();
        tallies[index] = tally;
        var reader = new SectionReader(definition.Sections[index], sources, request, now, maxFieldDepth);
        return tally.StreamAsync(reader, dropped, references, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    private sealed class Section(StreamedSections owner, int index) : IAsyncEnumerable<ExportItem>
    {
        public IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) => owner.Open(index, cancellationToken);
    }
}
