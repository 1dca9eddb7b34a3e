using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Chain;

public sealed class MalformedChainRowTests
{
    private static async Task<(InMemoryAuditEventStore Store, List<AuditEvent> Events)> Recorded(int count)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var events = await Trails.RecordMany(Trails.Create(store, clock, new AuditOptions { HmacKey = Trails.Key }), clock, count);
        return (store, events);
    }

    [Fact]
    public async Task A_malformed_row_is_reported_as_a_broken_event_naming_its_sequence_id_and_column()
    {
        var (store, events) = await Recorded(20);

        var verification = await Trails.Create(new MalformedRowStore(store, 7, events[6].Id), options: new AuditOptions { HmacKey = Trails.Key }).VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(AuditChainFailure.Malformed, verification.Failure);
        Assert.Equal(7, verification.EventsChecked);
        Assert.Equal(7, verification.FirstBadSequence);
        Assert.Equal(events[6].Id, verification.FirstBadEventId);
        Assert.Equal(
            $"event {events[6].Id} (sequence 7) is malformed: column severity: 'INFO' is not info, warning, error or critical. The tenant's queries would not see it as it was recorded; it was changed outside ExportKit.",
            verification.Message);
    }

    [Fact]
    public async Task A_malformed_row_whose_id_cannot_be_read_is_named_by_its_sequence()
    {
        var (store, _) = await Recorded(3);

        var verification = await Trails.Create(new MalformedRowStore(store, 1, null)).VerifyAsync();

        Assert.Equal(AuditChainFailure.Malformed, verification.Failure);
        Assert.Equal(1, verification.FirstBadSequence);
        Assert.Null(verification.FirstBadEventId);
        Assert.StartsWith("event (unreadable id) (sequence 1) is malformed", verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_memory_store_never_reads_a_malformed_row()
    {
        var (store, events) = await Recorded(5);

        var rows = new List<AuditChainRow>();
        await foreach (var row in store.ReadChainAsync())
        {
            rows.Add(row);
        }

        Assert.All(rows, row => Assert.False(row.IsMalformed));
        Assert.Equal(events, rows.Select(row => row.Event));
        Assert.Equal(events.Select(e => e.Sequence), rows.Select(row => row.Sequence));
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("column", " ")]
    public void A_malformed_row_must_say_which_column_and_why(string column, string reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => AuditChainRow.Malformed(1, "aud_1", column, reason));
    }
}
