namespace ExportKit.Audit.Tests.Trail;

/// <summary>Regression: an event type or tenant id ending in "\n" was recorded (the event-type pattern ended in $).</summary>
public sealed class EventTypeTrailingNewlineTests
{
    [Theory]
    [InlineData("user.updated\n", "acme")]
    [InlineData("user.updated", "acme\n")]
    public async Task A_draft_whose_event_type_or_tenant_ends_in_a_newline_is_refused(string eventType, string tenant)
    {
        var trail = Trails.Create(new InMemoryAuditEventStore());

        await Assert.ThrowsAsync<ArgumentException>("draft", () => trail.RecordAsync(Trails.Draft(tenant: tenant, eventType: eventType)));
    }
}
