namespace ExportKit.Formats.Tests.BagIt;

/// <summary>Tests that measure the process's allocations run alone, so other tests' allocations do not count against them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuring
{
    public const string Name = "Allocation measuring";
}
