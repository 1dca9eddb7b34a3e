namespace ExportKit;

/// <summary>How many items of a section have one severity or status.</summary>
/// <param name="Key">The severity or status, for example <c>critical</c> or <c>breached</c>.</param>
/// <param name="Count">How many items have it.</param>
public readonly record struct SummaryCount(string Key, long Count);
