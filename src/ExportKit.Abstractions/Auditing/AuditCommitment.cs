namespace ExportKit;

/// <summary>
/// A salted commitment to one personal value of an audit event: SHA-256(salt ‖ field ‖ 0x00 ‖ value). The leaf holds
/// the commitment; the salt is kept here, apart from the event, and erased with the value.
/// </summary>
public sealed class AuditCommitment
{
    /// <summary>Gets the field committed to, for example <c>ip_address</c> or <c>context/customer.email</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Gets the 32-byte commitment.</summary>
    public required ReadOnlyMemory<byte> Commitment { get; init; }

    /// <summary>Gets the 32-byte random salt, or <see langword="null"/> once the value was erased.</summary>
    public ReadOnlyMemory<byte>? Salt { get; init; }

    /// <summary>Gets a value indicating whether the value and its salt were erased.</summary>
    public bool IsErased => Salt is null;
}
