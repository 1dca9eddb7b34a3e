namespace ExportKit.Audit;

/// <summary>How the audit trail's transparency log signs its checkpoints. A POCO with defaults; <see cref="Validate"/> lists every problem.</summary>
public sealed class AuditTransparencyOptions
{
    /// <summary>
    /// Gets or sets the Ed25519 signer key in the signed-note format <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex key hash&gt;+&lt;base64 key&gt;</c>
    /// (as Go's <c>note.GenerateKey</c> or <see cref="GenerateSigningKey"/> writes it). Keep it secret and readable by
    /// the application only: whoever has it can sign checkpoints of this log.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; required.</value>
    public string? SigningKey { get; set; }

    /// <summary>Gets or sets the checkpoints' origin line, which names the log (for example <c>example.com/audit</c>).</summary>
    /// <value>The default value is <see langword="null"/>: the signing key's name.</value>
    public string? Origin { get; set; }

    /// <summary>
    /// Gets or sets how long audit events are kept: <see cref="IAuditTransparencyLog.PruneExpiredAsync"/> prunes the
    /// events recorded more than this long ago (retention; their tree hashes and a checkpoint stay as the trust anchor).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: events are kept for ever and only an explicit date prunes.</value>
    public TimeSpan? RetentionPeriod { get; set; }

    /// <summary>Makes a new random signer key.</summary>
    /// <param name="name">The key's name, usually the log's origin: no spaces and no <c>+</c>.</param>
    /// <returns>The signer key text, for <see cref="SigningKey"/>.</returns>
    /// <exception cref="ArgumentException">The name is empty or has spaces or <c>+</c>.</exception>
    public static string GenerateSigningKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NoteKey.Generate(name);
    }

    /// <summary>The verifier key of a signer key, to publish: <c>&lt;name&gt;+&lt;hex key hash&gt;+&lt;base64 key&gt;</c>.</summary>
    /// <param name="signingKey">A signer key as <see cref="GenerateSigningKey"/> writes it.</param>
    /// <returns>The verifier key.</returns>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is not a signer key; the message says why.</exception>
    public static string VerifierKeyOf(string signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        return (NoteKey.ParseSigner(signingKey, out var problem)
            ?? throw new ArgumentException($"Not a signed-note signer key: {problem}.", nameof(signingKey))).VerifierKey;
    }

    /// <summary>Checks the options and returns every problem found.</summary>
    /// <returns>The problems, each naming the option; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SigningKey is null)
        {
            problems.Add("SigningKey is not set: give an Ed25519 signer key PRIVATE+KEY+<name>+<hash>+<key>, for example from AuditTransparencyOptions.GenerateSigningKey.");
        }
        else if (NoteKey.ParseSigner(SigningKey, out var problem) is null)
        {
            problems.Add($"SigningKey is not a signed-note signer key: {problem}.");
        }

        if (Origin is not null && (Origin.Length == 0 || Origin.Any(char.IsControl) || Origin.Trim().Length != Origin.Length))
        {
            problems.Add("Origin is empty, has a line break or control character, or starts or ends with white space: give one line that names the log, for example example.com/audit.");
        }

        if (RetentionPeriod is { } period && period <= TimeSpan.Zero)
        {
            problems.Add($"RetentionPeriod is {period}: give a positive period (for example 365 days), or null to keep every event.");
        }

        return problems;
    }

    internal NoteKey Key()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The transparency log options are invalid: " + string.Join(" ", problems), "options");
        }

        return NoteKey.ParseSigner(SigningKey!, out _)!;
    }
}
