using ExportKit.Policy;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="ExportPolicyOptions"/> at start-up with the rules <c>new ExportPolicyEngine(...)</c> applies
/// (<see cref="ExportPolicyOptions.Validate"/>), so a host learns of a bad restriction before the first export.
/// </summary>
internal sealed class ExportPolicyOptionsValidator : IValidateOptions<ExportPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportPolicyOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
