namespace ExportKit;

/// <summary>A download of an export, to be logged.</summary>
/// <param name="TenantId">The tenant whose export it was.</param>
/// <param name="BundleId">The bundle downloaded.</param>
/// <param name="Format">Its format.</param>
/// <param name="FileName">The file name it was served as.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="DownloadedBy">The user id of whoever downloaded it.</param>
public sealed record ExportDownload(string TenantId, string BundleId, ExportFormat Format, string FileName, long SizeBytes, string DownloadedBy);
