using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ExportKit.AspNetCore;

/// <summary>Parses query parameters and bodies, throwing <see cref="BadParameterException"/> naming the bad one.</summary>
internal static class ApiParsing
{
    private const long MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    public static AuditQuery AuditQuery(string tenantId, IQueryCollection query, bool paging)
    {
        var result = Filters(tenantId, Text(query, "severity"), Text(query, "actorType"), Text(query, "eventType"), Text(query, "startDate"), Text(query, "endDate"), Text(query, "search"));
        if (paging)
        {
            result = result with { Limit = Int(query, "limit") ?? 50, Offset = Int(query, "offset") ?? 0 };
        }

        Validate(result);
        return result;
    }

    public static AuditQuery AuditQuery(string tenantId, AuditExportRequest? body)
    {
        var result = body is null
            ? new AuditQuery(tenantId)
            : Filters(tenantId, body.Severity, body.ActorType, body.EventType, body.StartDate, body.EndDate, body.Search);
        Validate(result);
        return result;
    }

    public static int? Int(IQueryCollection query, string name)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadParameterException(name, $"{name} '{text}' is not a whole number.");
    }

    /// <summary>Reads <c>delivery</c>: <c>job</c> (or absent) or <c>direct</c>, which the host must allow.</summary>
    public static bool Direct(string? delivery, bool allowed)
    {
        switch (Blank(delivery))
        {
            case null or "job":
                return false;
            case "direct" when allowed:
                return true;
            case "direct":
                throw new BadParameterException("delivery", "This server does not deliver exports directly (ExportKitAspNetCoreOptions.AllowDirectExports is off): omit delivery to get a job.");
            default:
                throw new BadParameterException("delivery", $"delivery '{delivery}' is unknown: use 'job' (the default) or 'direct'.");
        }
    }

    public static DateTimeOffset? Date(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new BadParameterException(name, $"{name} '{text}' is not an ISO 8601 date, such as 2024-01-15 or 2024-01-15T10:00:00Z.");
    }

    public static async Task<T?> BodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), BodyOptions);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new BadParameterException(path, "The body is not the JSON object this endpoint expects: " + e.Message);
        }
    }

    private static BadParameterException TooLarge() =>
        new("body", FormattableString.Invariant($"The body is larger than the {MaxBodyBytes} bytes this API reads: send only the fields it expects.")) { Status = StatusCodes.Status413PayloadTooLarge };

    private static AuditQuery Filters(string tenantId, string? severity, string? actorType, string? eventType, string? startDate, string? endDate, string? search)
    {
        var result = new AuditQuery(tenantId)
        {
            EventType = Blank(eventType),
            Search = Blank(search),
            StartDate = Date("startDate", Blank(startDate)),
            EndDate = Date("endDate", Blank(endDate)),
        };
        if (Blank(severity) is { } s)
        {
            result = result with { Severity = Parse("severity", () => AuditEnumNames.ParseSeverity(s)) };
        }

        if (Blank(actorType) is { } a)
        {
            result = result with { ActorType = Parse("actorType", () => AuditEnumNames.ParseActorType(a)) };
        }

        return result;
    }

    private static void Validate(AuditQuery query)
    {
        try
        {
            query.Validate();
        }
        catch (ArgumentException e)
        {
            var name = string.IsNullOrEmpty(e.ParamName) ? "query" : char.ToLowerInvariant(e.ParamName[0]) + e.ParamName[1..];
            throw new BadParameterException(name, e.Message);
        }
    }

    private static T Parse<T>(string name, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new BadParameterException(name, e.Message);
        }
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? Blank(values.ToString()) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
