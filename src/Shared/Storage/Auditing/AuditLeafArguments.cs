using System.Globalization;

namespace ExportKit.Storage;

/// <summary>The checks every store makes of events appended with their leaves, with the same messages.</summary>
internal static class AuditLeafArguments
{
    /// <exception cref="ArgumentNullException">An argument or an item is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The leaves are not the events', one each in the same order.</exception>
    public static void Check(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count != auditEvents.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{auditEvents.Count} events came with {leaves.Count} leaves: give each event its own leaf."), nameof(leaves));
        }

        for (var i = 0; i < auditEvents.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(auditEvents[i], $"{nameof(auditEvents)}[{i}]");
            ArgumentNullException.ThrowIfNull(leaves[i], $"{nameof(leaves)}[{i}]");
            if (leaves[i].Sequence != auditEvents[i].Sequence)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The leaf has sequence {leaves[i].Sequence} but the event {auditEvents[i].Id} has {auditEvents[i].Sequence}: append each event with its own leaf."), nameof(leaves));
            }
        }
    }
}
