using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>Reads a tag file's lines (CR, LF or CRLF endings), as UTF-8, one at a time.</summary>
internal static class TagFileReader
{
    public static async IAsyncEnumerable<string> ReadLinesAsync(IBagFiles bag, string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = bag.Open(path);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                yield return line;
            }
        }
    }
}
