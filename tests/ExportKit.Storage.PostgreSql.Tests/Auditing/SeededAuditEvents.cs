namespace ExportKit.Storage.PostgreSql.Tests.Auditing;

/// <summary>Many audit events written straight in SQL (fast), for plans and for the benchmark-sized tests.</summary>
internal static class SeededAuditEvents
{
    /// <summary>
    /// <paramref name="count"/> events of two tenants, one minute apart, every fourth a warning; every
    /// <paramref name="rareEvery"/>th has "needle-xyzzy" in its context. The hashes are placeholders.
    /// </summary>
    public static string Sql(int count, int rareEvery) => $$"""
        INSERT INTO audit_events (sequence, id, "timestamp", tenant_id, event_type, severity, actor_type, user_id, context_json,
                                  has_request, diff_json, previous_hash, hash)
        SELECT g, 'aud_' || g, to_char(timestamp '2026-01-01' + g * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS') || '.0000000Z',
               CASE WHEN g % 2 = 0 THEN 'acme' ELSE 'globex' END, 'user.updated',
               CASE WHEN g % 4 = 0 THEN 'warning' ELSE 'info' END, 'user', 'user-' || (g % 50),
               CASE WHEN g % {{rareEvery}} = 0 THEN '{"note":"needle-xyzzy ' || g || '"}' ELSE '{"note":"routine change ' || md5(g::text) || '"}' END,
               false, '[]', lpad(to_hex(g - 1), 64, '0'), lpad(to_hex(g), 64, '0')
        FROM generate_series(1, {{count}}) AS g;
        ANALYZE audit_events;
        """;
}
