using System.Text;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>Turns an <see cref="AuditQuery"/>'s filters into SQL: constant fragments only, every value a parameter.</summary>
internal static class AuditQuerySql
{
    public static string BuildSelect(AuditQuery query, long offset, long limit, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder($"SELECT {AuditEventRows.Columns} FROM audit_events WHERE tenant_id = @tenant_id");
        parameters.AddText("tenant_id", query.TenantId);
        if (query.Severity is { } severity)
        {
            sql.Append(" AND severity = @severity");
            parameters.AddText("severity", AuditEnumNames.Of(severity));
        }

        if (query.ActorType is { } actorType)
        {
            sql.Append(" AND actor_type = @actor_type");
            parameters.AddText("actor_type", AuditEnumNames.Of(actorType));
        }

        if (query.EventType is { } eventType)
        {
            sql.Append(" AND event_type = @event_type");
            parameters.AddText("event_type", eventType);
        }

        if (query.StartDate is { } start)
        {
            sql.Append(" AND \"timestamp\" >= @start_date");
            parameters.AddText("start_date", PostgreSqlInstants.Format(start));
        }

        if (query.EndDate is { } end)
        {
            sql.Append(" AND \"timestamp\" < @end_date");
            parameters.AddText("end_date", PostgreSqlInstants.Format(end));
        }

        if (query.Search is { } search)
        {
            // ILIKE '%…%' is what the trigram index (ix_audit_events_context_trgm) serves; the search's own % and _
            // are escaped so that they match themselves.
            sql.Append(" AND context_json ILIKE @search ESCAPE '\\'");
            parameters.AddText("search", string.Concat("%", EscapeLike(search), "%"));
        }

        // Newest first is the chain's order reversed: the sequence is the order the trail recorded the events in.
        sql.Append(" ORDER BY sequence DESC LIMIT @limit OFFSET @offset;");
        parameters.AddWithValue("limit", limit);
        parameters.AddWithValue("offset", offset);
        return sql.ToString();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
