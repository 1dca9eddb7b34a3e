using ExportKit.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExportKit.AspNetCore;

/// <summary>Streams a job's checked file with Content-Disposition, Content-Length and Repr-Digest (RFC 9530), then disposes it.</summary>
internal sealed class DownloadResult(ExportJobDownload download) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (download.ConfigureAwait(false))
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = download.ContentType;
            response.ContentLength = download.SizeBytes;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(download.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers["Repr-Digest"] = "sha-256=:" + Convert.ToBase64String(Convert.FromHexString(download.Sha256)) + ":";
            response.Headers.CacheControl = "no-store";
            await download.Content.CopyToAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
