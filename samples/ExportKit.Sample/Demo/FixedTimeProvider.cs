namespace ExportKit.Sample.Demo;

/// <summary>A clock stopped at one instant (<c>--now</c>): exports made with it are byte-for-byte repeatable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    // A stopped clock measures every duration as zero, so computation times do not vary between runs either.
    public override long GetTimestamp() => 0;
}
