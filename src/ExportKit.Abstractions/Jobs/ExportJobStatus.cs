namespace ExportKit;

/// <summary>Where an export job is in its life (seed 003: queued → processing → success or failed).</summary>
public enum ExportJobStatus
{
    /// <summary>Created, waiting for a worker.</summary>
    Queued,

    /// <summary>A worker holds its lease and is writing the file.</summary>
    Processing,

    /// <summary>The file is written and can be downloaded until the job expires.</summary>
    Success,

    /// <summary>The export failed; <see cref="ExportJob.ErrorMessage"/> says why.</summary>
    Failed,

    /// <summary>Cancelled by its owner or an admin before it ended.</summary>
    Cancelled,

    /// <summary>Succeeded once; its file has expired and been removed. The record is kept.</summary>
    Expired,
}
