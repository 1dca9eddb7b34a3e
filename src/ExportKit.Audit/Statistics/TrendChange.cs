using System.Globalization;

namespace ExportKit.Audit;

/// <summary>Formats the change between two 24-hour counts (see <see cref="ExportTrends"/>).</summary>
internal static class TrendChange
{
    public static string Format(long last, long previous)
    {
        if (previous == 0)
        {
            return last == 0 ? "+0.0%" : "+100.0%";
        }

        // Decimal keeps the arithmetic exact (12.5 stays 12.5), so rounding does not depend on binary fractions.
        var change = Math.Round((decimal)(last - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero);
        return change.ToString("+0.0;-0.0;+0.0", CultureInfo.InvariantCulture) + "%";
    }
}
