using System.Buffers;
using System.Globalization;
using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Reads a tag file's lines (CR, LF or CRLF endings) as UTF-8, one at a time, never holding more than one line of at
/// most <see cref="BagVerificationOptions.MaxLineLength"/> bytes: a longer line is reported as
/// <see cref="BagProblemKind.LimitExceeded"/> and ends the reading, so a hostile one-line manifest cannot exhaust memory.
/// </summary>
internal static class TagFileReader
{
    public static async IAsyncEnumerable<string> ReadLinesAsync(
        IBagFiles bag, string path, BagVerificationOptions options, List<BagProblem> problems, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!bag.IsReadable(path))
        {
            yield break;
        }

        var line = new ArrayBufferWriter<byte>(256);
        var lines = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(16384);
        var afterCarriageReturn = false;
        var number = 0;
        var stream = bag.Open(path);
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var tooLong = Split(buffer.AsSpan(0, read), line, lines, ref afterCarriageReturn, options.MaxLineLength);
                    foreach (var complete in lines)
                    {
                        number++;
                        yield return complete;
                    }

                    lines.Clear();
                    if (tooLong)
                    {
                        problems.Add(new BagProblem(BagProblemKind.LimitExceeded, path, string.Create(CultureInfo.InvariantCulture,
                            $"Line {number + 1} of {path} is longer than MaxLineLength ({options.MaxLineLength} bytes); the rest of {path} was not read.")));
                        yield break;
                    }
                }

                if (line.WrittenCount > 0)
                {
                    yield return Decode(line);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Adds the lines a chunk completes to <paramref name="lines"/> and keeps the unfinished one; returns <see langword="true"/> when a line passes the limit.</summary>
    private static bool Split(ReadOnlySpan<byte> chunk, ArrayBufferWriter<byte> line, List<string> lines, ref bool afterCarriageReturn, int maxLineLength)
    {
        while (chunk.Length > 0)
        {
            if (afterCarriageReturn && chunk[0] == (byte)'\n')
            {
                chunk = chunk[1..]; // the LF of a CRLF: the CR already ended the line
                afterCarriageReturn = false;
                continue;
            }

            afterCarriageReturn = false;
            var end = chunk.IndexOfAny((byte)'\r', (byte)'\n');
            var piece = end < 0 ? chunk : chunk[..end];
            if (line.WrittenCount + piece.Length > maxLineLength)
            {
                return true;
            }

            line.Write(piece);
            if (end < 0)
            {
                break;
            }

            lines.Add(Decode(line));
            afterCarriageReturn = chunk[end] == (byte)'\r';
            chunk = chunk[(end + 1)..];
        }

        return false;
    }

    private static string Decode(ArrayBufferWriter<byte> line)
    {
        var text = Encoding.UTF8.GetString(line.WrittenSpan);
        line.ResetWrittenCount();
        return text;
    }
}
