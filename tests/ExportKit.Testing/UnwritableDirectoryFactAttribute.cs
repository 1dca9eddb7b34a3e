using Xunit;

namespace ExportKit.Testing;

/// <summary>A fact that needs <see cref="UnwritableDirectory"/>; skipped, saying why, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnwritableDirectoryFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public UnwritableDirectoryFactAttribute() => Skip = UnwritableDirectory.SkipReason;
}
