using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Testing;

/// <summary>The fixed instant every test export is made at.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}
