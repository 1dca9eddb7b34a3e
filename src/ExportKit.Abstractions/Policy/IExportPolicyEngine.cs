namespace ExportKit;

/// <summary>Runs every policy rule for a query and decides.</summary>
public interface IExportPolicyEngine
{
    /// <summary>Evaluates every rule, collecting all violations and warnings; denies when there is no principal.</summary>
    /// <param name="query">The query.</param>
    /// <param name="principal">Who asks, or <see langword="null"/> (always denied).</param>
    /// <param name="timeRange">The time range the export would cover.</param>
    /// <returns>The decision.</returns>
    PolicyDecision Evaluate(ExportQuery query, ExportPrincipal? principal, ExportTimeRange timeRange);
}
