using System.CommandLine;
using System.Globalization;
using ExportKit.Audit;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>
/// <c>audit verifier-key | checkpoint | prove | consistency | erase | prune</c>, and <c>audit verify --checkpoint</c>: the
/// audit trail as a transparency log, on SQLite or (<c>--postgres</c>) PostgreSQL. The signing key is kept beside the
/// database (<c>sample.db.signing-key</c>; <c>exportkit-sample-postgres.signing-key</c> with <c>--postgres</c>, see
/// <see cref="SampleOptions.TransparencyFiles"/>), readable by its owner only, and made on first use, when the verifier
/// key is printed: publish that one, keep checkpoints elsewhere.
/// </summary>
internal static class TransparencyCommands
{
    public static readonly Option<string?> Checkpoint = new("--checkpoint") { Description = "A checkpoint file this log signed (audit checkpoint --out FILE)." };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write.", Required = true };
    private static readonly Option<long> Sequence = new("--sequence") { Description = "The event's sequence, from 1.", Required = true };
    private static readonly Option<string> From = new("--from") { Description = "The older checkpoint file.", Required = true };
    private static readonly Option<string> To = new("--to") { Description = "The newer checkpoint file.", Required = true };
    private static readonly Option<string> User = new("--user") { Description = "The person's user id.", Required = true };
    private static readonly Option<string> Before = new("--before") { Description = "Prune the events recorded before this instant (ISO-8601, e.g. 2026-01-01T00:00:00Z).", Required = true };

    public static IEnumerable<Command> Create()
    {
        var key = new Command("verifier-key", "Print the key that verifies this log's checkpoints (signed-note format).");
        key.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
        {
            await output.WriteLineAsync(log.VerifierKey);
            return 0;
        }));

        var checkpoint = new Command("checkpoint", "Sign a checkpoint of the log as it is now (C2SP tlog-checkpoint).") { Out };
        checkpoint.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
        {
            var signed = await log.CreateCheckpointAsync(token);
            // The latest checkpoint is also kept beside the database: restore checks a backup against it.
            await File.WriteAllTextAsync(SampleOptions.TransparencyFiles(parse) + ".checkpoint", signed, token);
            return await WriteAsync(parse, output, signed);
        }));

        var prove = new Command("prove", "Write the inclusion proof of one event in a checkpoint's tree (JSON).") { Sequence, Checkpoint, Out };
        prove.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
            await WriteAsync(parse, output, await log.ProveInclusionAsync(parse.GetValue(Sequence), Read(parse.GetValue(Checkpoint) ?? throw new ArgumentException("Give --checkpoint FILE.")), token))));

        var consistency = new Command("consistency", "Write the proof that an older checkpoint's log is a prefix of a newer one's (JSON).") { From, To, Out };
        consistency.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
            await WriteAsync(parse, output, await log.ProveConsistencyAsync(Read(parse.GetValue(From)!), Read(parse.GetValue(To)!), token))));

        var erase = new Command("erase", "Erase a person's personal data (IP address, user agent, personal fields) from every event; audited.") { User };
        erase.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
        {
            var count = await log.ErasePersonalDataAsync(parse.GetValue(User)!, token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Erased the personal data of {count} event(s); recorded as audit.personal_data_erased."));
            return 0;
        }));

        var prune = new Command("prune", "Prune the events recorded before a date (retention), keeping the saved checkpoint as the trust anchor; audited.") { Before };
        prune.SetAction((parse, token) => RunAsync(parse, async (log, output) =>
        {
            // The anchor is the latest checkpoint `audit checkpoint` saved beside the database: it must hold every event
            // to prune, so an older one makes the library refuse the cut.
            var saved = SampleOptions.TransparencyFiles(parse) + ".checkpoint";
            if (!File.Exists(saved))
            {
                throw new ArgumentException("No checkpoint is saved beside the database: run `audit checkpoint --out FILE` first (and keep that file elsewhere), then prune.");
            }

            var before = SampleOptions.ParseInstant(parse.GetValue(Before), "--before")!.Value;
            var count = await log.PruneAsync(before, await File.ReadAllTextAsync(saved, token), token);
            await output.WriteLineAsync(count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Nothing to prune: no remaining event was recorded before {before:O}.")
                : string.Create(CultureInfo.InvariantCulture, $"Pruned {count} event(s) recorded before {before:O}; the saved checkpoint is kept as the trust anchor; recorded as audit.retention.pruned."));
            return 0;
        }));

        return [key, checkpoint, prove, consistency, erase, prune];
    }

    /// <summary><c>audit verify --checkpoint FILE</c>: the whole store against a checkpoint kept elsewhere.</summary>
    public static Task<int> VerifyAsync(ParseResult parse, string checkpointFile, CancellationToken token) => RunAsync(parse, async (log, output) =>
    {
        var result = await log.VerifyAsync(Read(checkpointFile), token);
        if (result.IsValid)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The audit log holds and contains the checkpoint: {result.EventsChecked} events checked, {result.RedactedEvents} redacted, {result.PrunedEvents} pruned by retention."));
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The audit log does not verify: {result.Failure}. {result.Message}"));
        return 1;
    });

    private static async Task<int> RunAsync(ParseResult parse, Func<IAuditTransparencyLog, TextWriter, Task<int>> action)
    {
        var output = parse.InvocationConfiguration.Output;
        try
        {
            // Both stores keep the Merkle tree (IAuditTreeStore), so the log is the same on SQLite and PostgreSQL.
            using var services = SampleHost.Create(StatsCommand.Clock(parse), null, SampleOptions.Storage(parse));
            var signingKey = await SigningKeyFile.LoadOrCreateAsync(SampleOptions.TransparencyFiles(parse) + ".signing-key", output);
            var log = new AuditTransparencyLog(
                (AuditTrail)services.GetRequiredService<IAuditTrail>(),
                new AuditTransparencyOptions { SigningKey = signingKey });
            return await action(log, output);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Error: " + ex.Message);
            return 1;
        }
    }

    private static async Task<int> WriteAsync(ParseResult parse, TextWriter output, string text)
    {
        var path = Path.GetFullPath(parse.GetValue(Out)!);
        await File.WriteAllTextAsync(path, text);
        await output.WriteLineAsync($"Wrote {path}");
        return 0;
    }

    private static string Read(string path) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new ArgumentException($"The file {Path.GetFullPath(path)} does not exist: give a file written by this sample.");
}
