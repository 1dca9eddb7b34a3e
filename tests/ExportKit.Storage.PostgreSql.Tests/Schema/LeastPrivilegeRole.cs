namespace ExportKit.Storage.PostgreSql.Tests.Schema;

/// <summary>
/// The grants of src/ExportKit.Storage.PostgreSql/README.md ("A least-privilege role"), word for word but for the names,
/// for a host that does not prune (the README's retention grants add DELETE up to the cut, which the triggers bound).
/// </summary>
internal static class LeastPrivilegeRole
{
    public static string RetentionGrants(string schema, string role) => $"""
        GRANT INSERT ON {schema}.audit_retention TO {role};
        GRANT DELETE ON {schema}.audit_events, {schema}.audit_leaves, {schema}.audit_commitments TO {role};
        """;

    public static string Grants(string schema, string role) => $"""
        GRANT USAGE ON SCHEMA {schema} TO {role};
        GRANT SELECT ON {schema}.schema_version TO {role};
        GRANT SELECT, INSERT ON {schema}.audit_events, {schema}.export_log, {schema}.exports TO {role};
        GRANT SELECT, INSERT ON {schema}.export_jobs TO {role};
        GRANT SELECT, INSERT ON {schema}.audit_tree_hashes, {schema}.audit_leaves, {schema}.audit_commitments TO {role};
        GRANT UPDATE (user_id, request_ip_address, request_forwarded_for, request_user_agent, context_json, before_json, after_json, diff_json)
            ON {schema}.audit_events TO {role};
        GRANT UPDATE (salt) ON {schema}.audit_commitments TO {role};
        GRANT SELECT ON {schema}.audit_retention TO {role};
        GRANT UPDATE (status, file_path, file_size_bytes, row_count, sha256, export_id, error_code, error_message, attempts,
                      progress, cancel_requested, lease_owner, lease_expires_at, not_before, started_at, completed_at, expires_at)
            ON {schema}.export_jobs TO {role};
        """;
}
