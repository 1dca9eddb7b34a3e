namespace ExportKit.Formats.Tests.Json;

internal static class JsonOutput
{
    public static async Task<byte[]> WriteAsync(ExportBundle bundle)
    {
        using var stream = new MemoryStream();
        await ExportFormatters.Json().WriteAsync(bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }
}
