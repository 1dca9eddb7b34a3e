namespace ExportKit.Assembly;

/// <summary>The outcome of assembling a bundle.</summary>
/// <param name="Bundle">The bundle; its items stream from the sources each time they are enumerated.</param>
/// <param name="RecordsDropped">How many records the sources returned outside the scope or time range (not exported).</param>
public sealed record AssembledBundle(ExportBundle Bundle, long RecordsDropped);
