using System.Text;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>Turns an <see cref="AuditQuery"/>'s filters into SQL: constant fragments only, every value a parameter.</summary>
internal static class AuditQuerySql
{
    /// <summary>
    /// The SQL function that does <see cref="AuditQuery.Search"/>: .NET's ordinal, case-insensitive <c>Contains</c>,
    /// registered on the connection, because SQLite's own <c>lower()</c> folds ASCII only and would differ from
    /// <see cref="AuditQuery.Matches"/> for other letters.
    /// </summary>
    public const string ContainsFunction = "exportkit_contains";

    public static string BuildSelect(AuditQuery query, long offset, long limit, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder($"SELECT {AuditEventRows.Columns} FROM audit_events WHERE tenant_id = @tenant_id");
        parameters.Add("@tenant_id", query.TenantId);
        if (query.Severity is { } severity)
        {
            sql.Append(" AND severity = @severity");
            parameters.Add("@severity", AuditEnumNames.Of(severity));
        }

        if (query.ActorType is { } actorType)
        {
            sql.Append(" AND actor_type = @actor_type");
            parameters.Add("@actor_type", AuditEnumNames.Of(actorType));
        }

        if (query.EventType is { } eventType)
        {
            sql.Append(" AND event_type = @event_type");
            parameters.Add("@event_type", eventType);
        }

        if (query.StartDate is { } start)
        {
            sql.Append(" AND timestamp >= @start_date");
            parameters.Add("@start_date", SqliteInstants.Format(start));
        }

        if (query.EndDate is { } end)
        {
            sql.Append(" AND timestamp < @end_date");
            parameters.Add("@end_date", SqliteInstants.Format(end));
        }

        if (query.Search is { } search)
        {
            sql.Append(" AND ").Append(ContainsFunction).Append("(context_json, @search) = 1");
            parameters.Add("@search", search);
        }

        // Newest first is the chain's order reversed: the sequence is the order the trail recorded the events in.
        sql.Append(" ORDER BY sequence DESC LIMIT @limit OFFSET @offset;");
        parameters.Add("@limit", limit);
        parameters.Add("@offset", offset);
        return sql.ToString();
    }

    public static void RegisterContains(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, bool>(
            ContainsFunction,
            (text, search) => text is not null && search is not null && text.Contains(search, StringComparison.OrdinalIgnoreCase),
            isDeterministic: true);
}
