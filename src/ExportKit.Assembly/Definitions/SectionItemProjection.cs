namespace ExportKit.Assembly;

/// <summary>
/// Makes a section's item from a record, or returns <see langword="null"/> to leave the record out of the section.
/// The item must keep the record's timestamp and id, so that the section stays in (timestamp, id) order.
/// </summary>
/// <param name="record">The record, already inside the export's scope and time range.</param>
/// <param name="now">The export's clock reading, for judgements such as "past its deadline".</param>
/// <returns>The item, or <see langword="null"/>.</returns>
public delegate ProjectedItem? SectionItemProjection(PhaseRecord record, DateTimeOffset now);
