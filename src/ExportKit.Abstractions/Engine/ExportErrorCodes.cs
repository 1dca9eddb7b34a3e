namespace ExportKit;

/// <summary>The error codes an <see cref="ExportResult"/> and an <c>error</c> log entry carry.</summary>
public static class ExportErrorCodes
{
    /// <summary>Policy denied the export; <see cref="ExportResult.Violations"/> says why.</summary>
    public const string PolicyDenied = "policy-denied";

    /// <summary>The query's <see cref="ExportQuery.RequestedBy"/> is not the principal's user id.</summary>
    public const string RequesterMismatch = "requester-mismatch";

    /// <summary>The query names a category no definition is registered for.</summary>
    public const string UnknownCategory = "unknown-category";

    /// <summary>The query names a format no formatter is registered for.</summary>
    public const string UnknownFormat = "unknown-format";

    /// <summary>A category needs a phase no data source is registered for.</summary>
    public const string MissingDataSource = "missing-data-source";

    /// <summary>A data source returned records out of (timestamp, id) order.</summary>
    public const string SourceOutOfOrder = "source-out-of-order";

    /// <summary>A data source returned different records on a second read of the same export.</summary>
    public const string SourceChanged = "source-changed";

    /// <summary>A data source threw.</summary>
    public const string SourceFailed = "source-failed";

    /// <summary>
    /// A record's field values nest deeper than the configured limit (<c>ExportKitOptions.MaxFieldDepth</c>); the
    /// message names the data source, the record and the field. Nothing is written.
    /// </summary>
    public const string FieldTooDeep = "field-too-deep";

    /// <summary>
    /// A record has a field value no format can write (NaN, an infinity, or a type <see cref="ExportValueText"/> does not
    /// list); the message names the record, its data source and the field. Nothing was written.
    /// </summary>
    public const string InvalidFieldValue = "invalid-field-value";

    /// <summary>The formatter threw.</summary>
    public const string FormatFailed = "format-failed";

    /// <summary>The export was cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>
    /// The destination failed: it could not be opened, written (a full disk, a read-only file system, a closed stream)
    /// or the written bytes could not be put in place under their final name — or the temporary directory
    /// (<c>ExportKitOptions.TemporaryDirectory</c>) could not take a large export's spool file; the message names the
    /// directory. Nothing was kept or recorded.
    /// </summary>
    public const string StorageFailed = "storage-failed";

    /// <summary>
    /// A store refused the export's bookkeeping — the export log, the export registry (an export id that already names
    /// other bytes) or the audit trail. The written bytes were removed; the message says what is already recorded.
    /// </summary>
    public const string RecordFailed = "record-failed";

    /// <summary>A policy rule threw instead of deciding; nothing was exported.</summary>
    public const string PolicyFailed = "policy-failed";
}
