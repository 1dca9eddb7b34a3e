namespace ExportKit.Formats.Tests.Json;

/// <summary>Tests that measure memory run alone: another test's allocations would blur the measurement.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;
