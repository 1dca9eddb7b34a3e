using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ExportKit.Audit;

/// <summary>
/// An Ed25519 key of the C2SP signed-note format (golang.org/x/mod/sumdb/note): a name, and a key hash that is the first
/// four bytes (big-endian) of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). The signer key is written
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex hash&gt;+&lt;base64(0x01 ‖ seed)&gt;</c> and the verifier key
/// <c>&lt;name&gt;+&lt;hex hash&gt;+&lt;base64(0x01 ‖ public key)&gt;</c>, exactly as Go's note.GenerateKey writes them.
/// Signing and verifying are BouncyCastle's Ed25519.
/// </summary>
internal sealed class NoteKey
{
    private const byte AlgEd25519 = 1;
    private const string PrivatePrefix = "PRIVATE+KEY+";

    private readonly Ed25519PrivateKeyParameters? privateKey;
    private readonly Ed25519PublicKeyParameters publicKey;

    private NoteKey(string name, Ed25519PrivateKeyParameters? privateKey, Ed25519PublicKeyParameters publicKey)
    {
        Name = name;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        Hash = KeyHash(name, publicKey.GetEncoded());
    }

    public string Name { get; }

    public uint Hash { get; }

    public string VerifierKey => string.Create(CultureInfo.InvariantCulture,
        $"{Name}+{Hash:x8}+{Convert.ToBase64String([AlgEd25519, .. publicKey.GetEncoded()])}");

    /// <summary>A new random key; returns its signer key text.</summary>
    public static string Generate(string name)
    {
        CheckName(name);
        var seed = RandomNumberGenerator.GetBytes(Ed25519PrivateKeyParameters.KeySize);
        var key = new NoteKey(name, new Ed25519PrivateKeyParameters(seed), new Ed25519PrivateKeyParameters(seed).GeneratePublicKey());
        return string.Create(CultureInfo.InvariantCulture, $"{PrivatePrefix}{name}+{key.Hash:x8}+{Convert.ToBase64String([AlgEd25519, .. seed])}");
    }

    /// <summary>Reads a signer key; <see langword="null"/> with a reason when it is not one.</summary>
    public static NoteKey? ParseSigner(string text, out string? problem)
    {
        problem = null;
        if (!text.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            problem = "it does not start with PRIVATE+KEY+";
            return null;
        }

        var parts = text[PrivatePrefix.Length..].Split('+', 3); // the base64 key may itself contain '+'
        if (parts.Length != 3 || !IsValidName(parts[0]) || !TryHash(parts[1], out var hash) || !TryKey(parts[2], out var seed))
        {
            problem = "it is not PRIVATE+KEY+<name>+<8 hex digits>+<base64 of 0x01 and a 32-byte Ed25519 seed>";
            return null;
        }

        var secret = new Ed25519PrivateKeyParameters(seed);
        var key = new NoteKey(parts[0], secret, secret.GeneratePublicKey());
        if (key.Hash != hash)
        {
            problem = "its key hash does not match its name and key";
            return null;
        }

        return key;
    }

    /// <summary>Reads a verifier key; <see langword="null"/> with a reason when it is not one.</summary>
    public static NoteKey? ParseVerifier(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || !IsValidName(parts[0]) || !TryHash(parts[1], out var hash) || !TryKey(parts[2], out var key))
        {
            problem = "it is not <name>+<8 hex digits>+<base64 of 0x01 and a 32-byte Ed25519 public key>";
            return null;
        }

        var verifier = new NoteKey(parts[0], null, new Ed25519PublicKeyParameters(key));
        if (verifier.Hash != hash)
        {
            problem = "its key hash does not match its name and key";
            return null;
        }

        return verifier;
    }

    /// <summary>A signature line's base64 payload: the key hash (4 bytes, big-endian) and the Ed25519 signature.</summary>
    public string Sign(byte[] message)
    {
        if (privateKey is null)
        {
            throw new InvalidOperationException("A verifier key cannot sign: configure the signer key (PRIVATE+KEY+...).");
        }

        var signer = new Ed25519Signer();
        signer.Init(true, privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        var signature = signer.GenerateSignature();
        var payload = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, Hash);
        signature.CopyTo(payload, 4);
        return Convert.ToBase64String(payload);
    }

    public bool Verify(byte[] message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Ed25519PrivateKeyParameters.SignatureSize)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, publicKey);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature.ToArray());
    }

    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Contains('+', StringComparison.Ordinal) && !name.Any(char.IsWhiteSpace) && !name.Any(char.IsControl);

    private static void CheckName(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' cannot name a signed-note key: use a non-empty name without spaces or '+', for example example.com/audit.", nameof(name));
        }
    }

    private static uint KeyHash(string name, byte[] publicKey) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), (byte)'\n', AlgEd25519, .. publicKey]));

    private static bool TryHash(string hex, out uint hash) =>
        uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash) && hex.Length == 8;

    private static bool TryKey(string base64, out byte[] key)
    {
        key = [];
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length != 33 || bytes[0] != AlgEd25519)
            {
                return false;
            }

            key = bytes[1..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
