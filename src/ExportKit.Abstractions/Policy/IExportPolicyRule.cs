namespace ExportKit;

/// <summary>One policy rule. Every rule sees every query; each adds its violations and warnings to the context.</summary>
public interface IExportPolicyRule
{
    /// <summary>Gets the rule's name, for example <c>tenant-isolation</c>.</summary>
    string Name { get; }

    /// <summary>Checks a query, adding a violation for each thing that forbids it and a warning for each concern.</summary>
    /// <param name="context">The query, the principal, and where to add findings.</param>
    void Evaluate(PolicyEvaluationContext context);
}
