using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace ExportKit.Audit;

/// <summary>
/// Writes audit events as UTF-8 CSV (RFC 4180, CRLF after every row) with the header
/// <c>ID,Timestamp,Event Type,Severity,Actor Type,User ID,IP Address,User Agent,Context,Resource Type,Resource ID,Changes</c>:
/// the audit specification's nine columns first, then the resource and the change, so that "what changed" reaches the
/// auditor too. Timestamps are UTC ISO-8601, severity and actor type their lower-case names, Context the event's
/// canonical context JSON, Changes the diff as a JSON array of <c>{"path","kind","before","after"}</c> (empty when
/// nothing changed). Cells that a spreadsheet would run as a formula are neutralised (<see cref="CsvFormulaGuard"/>).
/// </summary>
/// <remarks>
/// Internal: the only way to it is <see cref="AuditTrail.ExportCsvAsync"/>, which checks the principal first.
/// </remarks>
internal static class AuditCsv
{
    /// <summary>The header row's cells, in order.</summary>
    internal static readonly string[] Header =
    [
        "ID", "Timestamp", "Event Type", "Severity", "Actor Type", "User ID", "IP Address", "User Agent", "Context",
        "Resource Type", "Resource ID", "Changes",
    ];

    private static readonly CsvWriterOptions Options = Rfc4180Csv.Options();

    /// <summary>
    /// Writes every event that matches the query's filters, newest first: the whole result, not a page (the query's
    /// limit and offset are ignored). Events stream from the store to <paramref name="destination"/> in bounded memory.
    /// </summary>
    /// <param name="store">Where the events are kept.</param>
    /// <param name="query">The tenant and filters.</param>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="cancellationToken">Cancels the read and the writes.</param>
    /// <returns>A task that completes when the CSV is written and <paramref name="destination"/> flushed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A filter is invalid (the message names it), or <paramref name="destination"/> cannot be written to.</exception>
    internal static Task WriteAsync(IAuditEventStore store, AuditQuery query, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        AuditTrail.ValidateFilters(query);
        return WriteCoreAsync(store, query, destination, cancellationToken);
    }

    private static async Task WriteCoreAsync(IAuditEventStore store, AuditQuery query, Stream destination, CancellationToken cancellationToken)
    {
        var csv = Rfc4180Csv.Create(destination, Options);
        await using (csv.ConfigureAwait(false))
        {
            await Rfc4180Csv.WriteRowAsync(csv, Header, cancellationToken).ConfigureAwait(false);
            var row = new string[Header.Length];
            await foreach (var auditEvent in store.QueryAsync(query, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                Fill(row, auditEvent);
                await Rfc4180Csv.WriteRowAsync(csv, row, cancellationToken).ConfigureAwait(false);
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Fill(string[] row, AuditEvent auditEvent)
    {
        row[0] = auditEvent.Id;
        row[1] = ExportValueText.FormatInstant(auditEvent.Timestamp);
        row[2] = auditEvent.EventType;
        row[3] = AuditEnumNames.Of(auditEvent.Severity);
        row[4] = AuditEnumNames.Of(auditEvent.ActorType);
        row[5] = auditEvent.UserId ?? string.Empty;
        row[6] = auditEvent.Request?.IpAddress ?? string.Empty;
        row[7] = auditEvent.Request?.UserAgent ?? string.Empty;
        row[8] = auditEvent.ContextJson ?? string.Empty;
        row[9] = auditEvent.ResourceType ?? string.Empty;
        row[10] = auditEvent.ResourceId ?? string.Empty;
        row[11] = ChangesJson(auditEvent.Diff);
    }

    private static string ChangesJson(IReadOnlyList<AuditChange> diff)
    {
        if (diff.Count == 0)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            json.WriteStartArray();
            foreach (var change in diff)
            {
                json.WriteStartObject();
                json.WriteString("path", change.Path);
                json.WriteString("kind", change.Kind switch
                {
                    AuditChangeKind.Added => "added",
                    AuditChangeKind.Removed => "removed",
                    _ => "changed",
                });
                WriteValue(json, "before", change.BeforeJson);
                WriteValue(json, "after", change.AfterJson);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Before and after are canonical JSON already: written as values, not as strings holding JSON (and checked, so a
    // value changed behind the store's back cannot break the cell's JSON).
    private static void WriteValue(Utf8JsonWriter json, string name, string? canonicalJson)
    {
        json.WritePropertyName(name);
        if (canonicalJson is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(canonicalJson);
        }
    }
}
