namespace ExportKit.Storage;

/// <summary>
/// The provider's SQL for the job transitions: how a row is selected for a change (SQLite under the file's write lock,
/// PostgreSQL <c>FOR UPDATE</c>) and written back with a NULL-safe guard on the state it was read in.
/// </summary>
/// <param name="Claim">Selects the oldest claimable job; parameter <c>now</c>.</param>
/// <param name="SelectById">Selects a job for a change; parameter <c>id</c>.</param>
/// <param name="SelectByTenantAndId">Selects a tenant's job for a change; parameters <c>tenant_id</c>, <c>id</c>.</param>
/// <param name="Update">Writes the new state, guarded by the state read; see <see cref="ExportJobRows.AddUpdateParameters"/>.</param>
internal sealed record ExportJobStatements(string Claim, string SelectById, string SelectByTenantAndId, string Update);
