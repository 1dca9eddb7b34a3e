using System.Globalization;

namespace ExportKit.Testing;

/// <summary>Runs code under another culture and local time zone, then restores both.</summary>
public static class CultureAndTimeZone
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<T> RunAsync<T>(string culture, string timeZone, Func<Task<T>> action)
    {
        await Gate.WaitAsync();
        var (oldCulture, oldUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var oldTz = Environment.GetEnvironmentVariable("TZ");
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Environment.SetEnvironmentVariable("TZ", timeZone);
            TimeZoneInfo.ClearCachedData();
            return await action();
        }
        finally
        {
            CultureInfo.CurrentCulture = oldCulture;
            CultureInfo.CurrentUICulture = oldUiCulture;
            Environment.SetEnvironmentVariable("TZ", oldTz);
            TimeZoneInfo.ClearCachedData();
            Gate.Release();
        }
    }
}
