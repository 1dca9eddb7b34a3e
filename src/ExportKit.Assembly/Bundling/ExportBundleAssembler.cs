namespace ExportKit.Assembly;

/// <summary>
/// Assembles bundles: filters every record by scope and time range (dropping and counting any a source returns
/// outside them), builds the category's sections in order with their summaries, references and metadata, and
/// derives the bundle id from the content. It reads each source once: the pass that counts and hashes the items also
/// keeps them in a bounded spool (held in memory up to a budget, the rest in a private temporary file), and the
/// bundle's sections replay that spool to the formatter as often as it enumerates them. For a formatter that reads only
/// the first items of each section the spool keeps only those (<c>itemsReadPerSection</c>); for one that reads nothing
/// before its items, <see cref="StreamAsync"/> assembles the bundle while the formatter writes it, keeping nothing.
/// </summary>
public sealed class ExportBundleAssembler
{
    private readonly Dictionary<ExportPhase, IPhaseDataSource> sources = [];
    private readonly TimeProvider timeProvider;
    private readonly int maxFieldDepth;
    private readonly long spoolMemoryBudget;
    private readonly string? temporaryDirectory;

    /// <summary>Creates a builder over the host's data sources.</summary>
    /// <param name="sources">The data sources, at most one per phase.</param>
    /// <param name="timeProvider">The clock that stamps sections and metadata.</param>
    /// <exception cref="ArgumentException">Two sources serve the same phase.</exception>
    public ExportBundleAssembler(IEnumerable<IPhaseDataSource> sources, TimeProvider timeProvider)
        : this(sources, timeProvider, new ExportBundleAssemblerOptions())
    {
    }

    /// <summary>Creates a builder over the host's data sources, with options.</summary>
    /// <param name="sources">The data sources, at most one per phase.</param>
    /// <param name="timeProvider">The clock that stamps sections and metadata.</param>
    /// <param name="options">The options; read once.</param>
    /// <exception cref="ArgumentException">Two sources serve the same phase.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ExportBundleAssemblerOptions.Validate"/> finds a problem (a <see cref="ExportBundleAssemblerOptions.MaxFieldDepth"/> outside 1 to 256, a <see cref="ExportBundleAssemblerOptions.TemporaryDirectory"/> that is not a path); the message lists each.</exception>
    public ExportBundleAssembler(IEnumerable<IPhaseDataSource> sources, TimeProvider timeProvider, ExportBundleAssemblerOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));
        maxFieldDepth = options.MaxFieldDepth;
        spoolMemoryBudget = options.SpoolMemoryBudget;
        // Resolved now: a relative path means the working directory of the moment the options were read.
        temporaryDirectory = options.TemporaryDirectory is { } directory ? Path.GetFullPath(directory) : null;
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            if (!this.sources.TryAdd(source.Phase, source))
            {
                throw new ArgumentException($"Two data sources serve {source.Phase.DataSource} ({this.sources[source.Phase].GetType().Name} and {source.GetType().Name}); register one source per phase.", nameof(sources));
            }
        }

        this.timeProvider = timeProvider;
    }

    /// <summary>Gets the phases that have a data source.</summary>
    public IReadOnlyCollection<ExportPhase> Phases => sources.Keys;

    /// <summary>Assembles the bundle of a query.</summary>
    /// <param name="definition">The category's definition.</param>
    /// <param name="query">The query; its category must be the definition's.</param>
    /// <param name="timeRange">The time range to export (the query's, or the engine's default).</param>
    /// <param name="exportId">The id of this execution.</param>
    /// <param name="compressed">
    /// Whether the formatter compresses what it writes (a ZIP or auditor package whose entries are deflated), which
    /// <c>metadata.compressed</c> states; the assembler cannot know it: the engine asks its formatter. The default,
    /// <see langword="false"/>, is right for every format but a compressing bundle.
    /// </param>
    /// <param name="cancellationToken">Cancels the read of the sources.</param>
    /// <returns>
    /// The bundle and how many records were dropped. Dispose it when the bundle has been written: that releases the
    /// items it holds and deletes its spool file, after which its sections cannot be enumerated.
    /// </returns>
    /// <exception cref="ExportException">A phase has no source (<see cref="ExportErrorCodes.MissingDataSource"/>), a source failed or returned records out of order, or a record's values nest too deep (<see cref="ExportErrorCodes.FieldTooDeep"/>), or the items outgrow the memory budget and their spool file cannot be made or written in <see cref="ExportBundleAssemblerOptions.TemporaryDirectory"/> (<see cref="ExportErrorCodes.StorageFailed"/>, naming the directory).</exception>
    public Task<AssembledBundle> BuildAsync(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId, bool compressed, CancellationToken cancellationToken) =>
        BuildAsync(definition, query, timeRange, exportId, compressed, itemsReadPerSection: null, cancellationToken);

    /// <summary>
    /// Assembles the bundle of a query for a formatter that reads only the first items of each section and counts the
    /// rest (a report that shows a page of each section): every item is still counted, summarised and hashed, but only
    /// the first <paramref name="itemsReadPerSection"/> of each section are kept for the formatter, so a large export
    /// holds and spools no more than it shows. See <see cref="BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, CancellationToken)"/>.
    /// </summary>
    /// <param name="definition">The category's definition.</param>
    /// <param name="query">The query; its category must be the definition's.</param>
    /// <param name="timeRange">The time range to export (the query's, or the engine's default).</param>
    /// <param name="exportId">The id of this execution.</param>
    /// <param name="compressed">Whether the formatter compresses what it writes (see the other overload).</param>
    /// <param name="itemsReadPerSection">
    /// How many items of each section the formatter reads at most (for a built-in formatter,
    /// <c>ExportFormatters.ItemsReadPerSection</c> says), from 1; <see langword="null"/> keeps every item. Enumerating
    /// a section past them throws <see cref="InvalidOperationException"/> naming the number.
    /// </param>
    /// <param name="cancellationToken">Cancels the read of the sources.</param>
    /// <returns>The bundle and how many records were dropped; dispose it when the bundle has been written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemsReadPerSection"/> is less than 1.</exception>
    /// <exception cref="ExportException">As the other overload.</exception>
    public async Task<AssembledBundle> BuildAsync(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId, bool compressed = false, int? itemsReadPerSection = null, CancellationToken cancellationToken = default)
    {
        Validate(definition, query, timeRange, exportId);
        if (itemsReadPerSection is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(itemsReadPerSection));
        }

        cancellationToken.ThrowIfCancellationRequested();
        EnsureSources(definition);
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        var request = new PhaseReadRequest(query.Scope, timeRange);
        var dropped = new DropCounter();
        var references = new SortedSet<string>(StringComparer.Ordinal);
        var spool = new ItemSpool(spoolMemoryBudget, temporaryDirectory);
        ItemSpool? unowned = spool;
        var tallies = new SectionTally[definition.Sections.Count];
        var spooled = new IAsyncEnumerable<ExportItem>[tallies.Length];
        try
        {
            for (var i = 0; i < tallies.Length; i++)
            {
                var reader = new SectionReader(definition.Sections[i], sources, request, now, maxFieldDepth);
                var start = spool.Position;
                tallies[i] = await SectionTally.CountAsync(reader, dropped, references, spool, itemsReadPerSection ?? long.MaxValue, cancellationToken).ConfigureAwait(false);
                spooled[i] = KeptItems.Of(new SpooledItems(spool, start, spool.Position), definition.Sections[i].SectionId, tallies[i].ItemCount, itemsReadPerSection);
            }

            spool.Seal();
            unowned = null;
        }
        finally
        {
            // A failed read releases what was spooled; a finished one hands the spool to the AssembledBundle.
            unowned?.Dispose();
        }

        var bundle = Complete(definition, query, timeRange, exportId, compressed, tallies, spooled, references, now, started);
        return new AssembledBundle(bundle, dropped.Count, spool);
    }

    /// <summary>
    /// Assembles the bundle of a query while <paramref name="write"/> writes it, for a formatter that reads nothing of
    /// the bundle before its items: the sources are read as the formatter enumerates the sections, so nothing is held
    /// or spooled. The bundle handed to <paramref name="write"/> has its identity (export id, title, category, format,
    /// scope, time range) and each section's id, title, description, data source and generation time; what only the
    /// whole read can tell — the bundle id (empty), the sections' summaries and item counts (empty, 0), the references
    /// and the metadata's totals — is not known yet. Each section must be read once, in order, to its end.
    /// </summary>
    /// <param name="definition">The category's definition.</param>
    /// <param name="query">The query; its category must be the definition's.</param>
    /// <param name="timeRange">The time range to export (the query's, or the engine's default).</param>
    /// <param name="exportId">The id of this execution.</param>
    /// <param name="write">Writes the streamed bundle; it returns when the last section has been read to its end.</param>
    /// <param name="compressed">Whether the formatter compresses what it writes (see <see cref="BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, int?, CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Cancels the read of the sources and is passed to <paramref name="write"/>.</param>
    /// <returns>
    /// The bundle, exactly as <see cref="BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, int?, CancellationToken)"/> assembles it (same bundle id, summaries, counts, references and
    /// metadata), and how many records were dropped; its sections' items were streamed and cannot be enumerated again.
    /// </returns>
    /// <exception cref="ExportException">As <see cref="BuildAsync(ExportCategoryDefinition, ExportQuery, ExportTimeRange, string, bool, int?, CancellationToken)"/>: a phase has no source, a source failed or returned records out of order, or a record's values nest too deep.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="write"/> read a section twice, out of order, or not to its end.</exception>
    public async Task<AssembledBundle> StreamAsync(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId, Func<ExportBundle, CancellationToken, Task> write, bool compressed = false, CancellationToken cancellationToken = default)
    {
        Validate(definition, query, timeRange, exportId);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureSources(definition);
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        var dropped = new DropCounter();
        var references = new SortedSet<string>(StringComparer.Ordinal);
        var stream = new StreamedSections(definition, sources, new PhaseReadRequest(query.Scope, timeRange), now, maxFieldDepth, dropped, references);
        var placeholders = definition.Sections.Select((section, index) => Section(section, new SectionSummary(string.Empty, [], []), 0, now, stream.Items(index))).ToArray();
        await write(CreateBundle(definition, query, timeRange, exportId, compressed, bundleHash: null, placeholders, references, now, started), cancellationToken).ConfigureAwait(false);

        var tallies = stream.Finish();
        var consumed = definition.Sections.Select(section => KeptItems.Streamed(section.SectionId)).ToArray();
        return new AssembledBundle(Complete(definition, query, timeRange, exportId, compressed, tallies, consumed, references, now, started), dropped.Count);
    }

    private static void Validate(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(timeRange);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportId);
        if (!definition.Category.Equals(query.Category))
        {
            throw new ArgumentException($"The definition is for category '{definition.Category}' but the query asks for '{query.Category}'.", nameof(definition));
        }
    }

    /// <summary>The bundle of the sections' tallies and items, its id the hash of the query and each section's content hash.</summary>
    private ExportBundle Complete(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId, bool compressed, SectionTally[] tallies, IAsyncEnumerable<ExportItem>[] items, SortedSet<string> references, DateTimeOffset now, long started)
    {
        using var bundleHash = new CanonicalHash();
        AddCanonicalQuery(bundleHash, query, timeRange);
        var sections = new ExportSection[tallies.Length];
        for (var i = 0; i < sections.Length; i++)
        {
            var section = definition.Sections[i];
            bundleHash.Add(section.SectionId);
            bundleHash.Add(Convert.ToHexString(tallies[i].Hash));
            sections[i] = Section(section, tallies[i].ToSummary(), tallies[i].ItemCount, now, items[i]);
        }

        return CreateBundle(definition, query, timeRange, exportId, compressed, bundleHash, sections, references, now, started);
    }

    private static ExportSection Section(ExportSectionDefinition section, SectionSummary summary, long itemCount, DateTimeOffset now, IAsyncEnumerable<ExportItem> items) =>
        new(section.SectionId, section.Title, section.Description, section.DataSource, summary, itemCount, now, items);

    /// <summary>The bundle of assembled sections; with no <paramref name="bundleHash"/> (a streamed bundle not yet read), its id is empty.</summary>
    private ExportBundle CreateBundle(ExportCategoryDefinition definition, ExportQuery query, ExportTimeRange timeRange, string exportId, bool compressed, CanonicalHash? bundleHash, ExportSection[] sections, SortedSet<string> references, DateTimeOffset now, long started) => new()
    {
        BundleId = bundleHash is null ? string.Empty : "bnd_" + Convert.ToHexString(bundleHash.Finish().AsSpan(0, 12)).ToLowerInvariant(),
        ExportId = exportId,
        Title = definition.Title,
        Description = definition.Description,
        Category = query.Category,
        Format = query.Format,
        Scope = query.Scope,
        TimeRange = timeRange,
        Sections = sections,
        References = [.. references],
        Metadata = new ExportMetadata
        {
            GeneratedAt = now,
            GeneratedBy = query.RequestedBy,
            Format = query.Format,
            TotalSections = sections.Length,
            TotalItems = sections.Sum(s => s.ItemCount),
            DataSourcesUsed = sections.Select(s => s.DataSource).Distinct(StringComparer.Ordinal).ToArray(),
            TimeRange = timeRange,
            ComputationTimeMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds,
            Compressed = compressed,
        },
    };

    private void EnsureSources(ExportCategoryDefinition definition)
    {
        var missing = definition.Phases.Where(p => !sources.ContainsKey(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new ExportException(
                ExportErrorCodes.MissingDataSource,
                $"Category '{definition.Category}' needs data from {string.Join(", ", missing.Select(p => p.DataSource))}, but no data source is registered for it; register one with AddDataSource.");
        }
    }

    // The canonical query leaves out the format and requester: the same content has the same id in every format.
    private static void AddCanonicalQuery(CanonicalHash hash, ExportQuery query, ExportTimeRange timeRange)
    {
        hash.Add("exportkit-bundle-v1");
        hash.Add(query.Category.Value);
        hash.AddValue(query.Scope.TenantId);
        hash.AddValue(query.Scope.FacilityId);
        hash.AddValue(query.Scope.FederationId);
        hash.Add(timeRange.Start.UtcTicks);
        hash.Add(timeRange.End.UtcTicks);
    }
}
