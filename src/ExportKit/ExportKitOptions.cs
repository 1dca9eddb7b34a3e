namespace ExportKit;

/// <summary>Options of the ExportKit engine.</summary>
public sealed class ExportKitOptions
{
    /// <summary>Gets or sets how many days an export covers when its query gives no time range.</summary>
    /// <value>The default value is 30; it must be from 1 to 90 so that a default export never needs <c>export:long-range</c>.</value>
    public int DefaultTimeRangeDays { get; set; } = 30;
}
