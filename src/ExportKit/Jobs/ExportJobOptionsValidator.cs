using Microsoft.Extensions.Options;

namespace ExportKit.Jobs;

/// <summary>Checks <see cref="ExportJobOptions"/> at start-up, every problem listed.</summary>
internal sealed class ExportJobOptionsValidator : IValidateOptions<ExportJobOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportJobOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
