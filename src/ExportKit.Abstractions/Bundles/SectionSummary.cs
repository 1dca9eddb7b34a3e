namespace ExportKit;

/// <summary>The counts of a section, and the sentence that states them.</summary>
public sealed class SectionSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="text">The sentence, for example <c>12 items. Severity: critical 2, high 10. Status: open 3, resolved 9.</c></param>
    /// <param name="bySeverity">Counts by severity, sorted by key.</param>
    /// <param name="byStatus">Counts by status, sorted by key.</param>
    public SectionSummary(string text, IReadOnlyList<SummaryCount> bySeverity, IReadOnlyList<SummaryCount> byStatus)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bySeverity);
        ArgumentNullException.ThrowIfNull(byStatus);
        Text = text;
        BySeverity = bySeverity;
        ByStatus = byStatus;
    }

    /// <summary>Gets the sentence that states the counts.</summary>
    public string Text { get; }

    /// <summary>Gets the counts by severity (or priority, or risk level), sorted ordinally by key.</summary>
    public IReadOnlyList<SummaryCount> BySeverity { get; }

    /// <summary>Gets the counts by status (for SLA sections: <c>met</c>, <c>breached</c>, <c>pending</c>), sorted ordinally by key.</summary>
    public IReadOnlyList<SummaryCount> ByStatus { get; }
}
