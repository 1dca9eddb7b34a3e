using Microsoft.Extensions.Options;

namespace ExportKit.Storage.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStorageOptions"/> at start-up with the stores' own checks of a connection string.</summary>
internal sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "PostgreSqlStorageOptions.ConnectionString is not set: give the Npgsql connection string of ExportKit's database, for example \"Host=db.example.com;Username=exportkit;Password=...;Database=exportkit\".");
        }

        try
        {
            _ = new PostgreSqlDatabase(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"PostgreSqlStorageOptions.ConnectionString: {e.Message.Replace(" (Parameter 'connectionString')", string.Empty, StringComparison.Ordinal)}");
        }
    }
}
