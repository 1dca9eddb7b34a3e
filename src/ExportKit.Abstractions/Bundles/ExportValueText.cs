using System.Globalization;

namespace ExportKit;

/// <summary>
/// The values an <see cref="ExportField"/> may hold, and how they become text the same way on every machine, culture
/// and time zone. The supported values are, and are only:
/// <list type="bullet">
/// <item><description><see langword="null"/>;</description></item>
/// <item><description><see cref="string"/>;</description></item>
/// <item><description><see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>;</description></item>
/// <item><description><see cref="double"/>, finite only: NaN and the infinities have no representation in JSON, and a
/// format that could write them would disagree with one that cannot;</description></item>
/// <item><description><see cref="DateTimeOffset"/>, written in UTC ISO-8601 (<c>O</c>);</description></item>
/// <item><description>a nested object: an <see cref="IReadOnlyList{T}"/> of <see cref="ExportField"/>.</description></item>
/// </list>
/// <see cref="ExportField"/> refuses any other value when it is made, so formatters never meet one.
/// </summary>
public static class ExportValueText
{
    private const string Supported = "null, string, bool, int, long, a finite double, decimal, DateTimeOffset or IReadOnlyList<ExportField>";

    /// <summary>Formats a value with the invariant culture; instants become UTC ISO-8601 (<c>O</c>).</summary>
    /// <param name="value">A value of one of the supported types.</param>
    /// <returns>The text; <see cref="string.Empty"/> for <see langword="null"/>; nested objects as <c>{a=1; b=2}</c>.</returns>
    /// <exception cref="ArgumentException">The value's type is not a supported one.</exception>
    public static string ToInvariantString(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => FormatInstant(t),
        IReadOnlyList<ExportField> fields => "{" + string.Join("; ", fields.Select(f => f.Name + "=" + ToInvariantString(f.Value))) + "}",
        _ => throw new ArgumentException($"A value of type '{value.GetType()}' cannot be exported: use {Supported}.", nameof(value)),
    };

    /// <summary>The length of an instant formatted by <see cref="FormatInstant"/>: <c>2026-01-31T08:00:00.0000000Z</c>.</summary>
    public const int InstantLength = 28;

    /// <summary>Formats an instant like <see cref="FormatInstant"/> into a buffer, without allocating: for formatters' hot loops.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="destination">At least <see cref="InstantLength"/> characters.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small.</returns>
    public static bool TryFormatInstant(DateTimeOffset instant, Span<char> destination, out int charsWritten) =>
        instant.UtcDateTime.TryFormat(destination, out charsWritten, "O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a scalar value (bool, int, long, double, decimal or DateTimeOffset) like <see cref="ToInvariantString"/>
    /// into a buffer, without allocating. 64 characters hold any of them.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <returns><see langword="false"/> when the value is not such a scalar, or the buffer is too small.</returns>
    public static bool TryFormatScalar(object? value, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        switch (value)
        {
            case bool b:
                return (b ? "true" : "false").AsSpan().TryCopyTo(destination) && (charsWritten = b ? 4 : 5) > 0;
            case int i:
                return i.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
            case long l:
                return l.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
            case double d:
                return d.TryFormat(destination, out charsWritten, "R", CultureInfo.InvariantCulture);
            case decimal m:
                return m.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
            case DateTimeOffset t:
                return TryFormatInstant(t, destination, out charsWritten);
            default:
                return false;
        }
    }

    /// <summary>Formats an instant as UTC ISO-8601 with the round-trip pattern, for example <c>2026-01-31T08:00:00.0000000Z</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Checks a field's value when the field is made; nested objects are copied, so they cannot change afterwards.</summary>
    internal static object? Check(string name, object? value)
    {
        switch (value)
        {
            case null or string or bool or int or long or decimal or DateTimeOffset:
                return value;
            case double d when double.IsFinite(d):
                return value;
            case double d:
                throw new ArgumentException(FormattableString.Invariant($"Field '{name}' is {d}, which cannot be exported (JSON has no representation for it, and every format writes the same values): give a finite number, or null."), nameof(value));
            case IReadOnlyList<ExportField> nested:
                var copy = nested.ToArray();
                foreach (var field in copy)
                {
                    if (field.Name is null)
                    {
                        throw new ArgumentException($"Field '{name}' holds a nested field that was never made (default(ExportField)): create every field with new ExportField(name, value).", nameof(value));
                    }
                }

                return copy;
            default:
                throw new ArgumentException($"Field '{name}' has a value of type '{value.GetType()}', which cannot be exported: use {Supported}.", nameof(value));
        }
    }
}
