using ExportKit.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ExportKit.AspNetCore;

/// <summary>
/// <c>POST /exports</c> with <c>"delivery": "direct"</c>: the engine runs the export in the request (it decides policy,
/// logs and registers the export as it does for a job's), the download is recorded like a job's, and the file is the
/// response. Off unless the host sets <see cref="ExportKitAspNetCoreOptions.AllowDirectExports"/>.
/// </summary>
internal static class DirectExport
{
    public const string TooLargeCode = "export-too-large";

    public static async Task<IResult> RunAsync(HttpContext context, ExportQuery query, ExportPrincipal principal, ExportKitAspNetCoreOptions options)
    {
        var engine = ApiCall.Service<IExportEngine>(context);
        var buffer = new CappedBufferStream(options.DirectExportMaxBytes);
        try
        {
            var result = await engine.ExportAsync(query, principal, buffer, context.RequestAborted).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                return Failure(result, buffer.Exceeded, options.DirectExportMaxBytes);
            }

            // Served means downloaded: the same export-downloaded entry and audit event as a job's download.
            await engine.RecordDownloadAsync(
                new ExportDownload(principal.TenantId, result.ExportId!, principal.UserId) { FileName = result.FileName, Request = query.Request },
                context.RequestAborted).ConfigureAwait(false);
            buffer.Position = 0;
            return new BufferedFileResult(buffer, result);
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static ProblemHttpResult Failure(ExportResult result, bool tooLarge, long maxBytes)
    {
        if (tooLarge)
        {
            return ExportKitProblems.Create(
                StatusCodes.Status413PayloadTooLarge,
                "Export too large for direct delivery",
                FormattableString.Invariant($"The export is larger than the {maxBytes} bytes this server serves directly; nothing was served. Ask for a job instead (omit delivery, or \"delivery\": \"job\")."),
                TooLargeCode);
        }

        if (result.ErrorCode == ExportErrorCodes.PolicyDenied)
        {
            return ExportKitProblems.Create(
                StatusCodes.Status403Forbidden,
                "Export denied by policy",
                $"{result.ErrorMessage} Nothing was written; ask for what the policy allows, or get the permission it names.",
                ExportJobErrorCodes.PolicyDenied,
                new() { ["violations"] = result.Violations });
        }

        // A source, formatter or store failed: the server's fault, reported with ExportKit's code rather than hidden.
        return ExportKitProblems.Create(StatusCodes.Status500InternalServerError, "Export failed", result.ErrorMessage ?? "The export failed.", result.ErrorCode ?? "export-failed");
    }

    private sealed class BufferedFileResult(MemoryStream content, ExportResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await using (content.ConfigureAwait(false))
            {
                var response = httpContext.Response;
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = result.Format!.MimeType;
                response.ContentLength = content.Length;
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(result.FileName!);
                response.Headers.ContentDisposition = disposition.ToString();
                response.Headers["Repr-Digest"] = "sha-256=:" + Convert.ToBase64String(Convert.FromHexString(result.Sha256!)) + ":";
                response.Headers["ExportKit-Export-Id"] = result.ExportId;
                response.Headers["ExportKit-Bundle-Id"] = result.BundleId;
                response.Headers.CacheControl = "no-store";
                await content.CopyToAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
