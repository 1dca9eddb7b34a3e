using System.Diagnostics.CodeAnalysis;

namespace ExportKit.Sample.Demo;

/// <summary>
/// A deterministic demo data set of the ten phases for two tenants, acme and globex, covering the 180 days
/// before a given instant. The same instant always gives the same records.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Demo data from a seeded Random, so every run of the sample makes the same records; nothing here is a secret.")]
internal static class DemoData
{
    public const int Days = 180;

    private static readonly (string Tenant, string[] Facilities)[] Tenants =
    [
        ("acme", ["acme-east", "acme-west", "acme-north"]),
        ("globex", ["globex-hq", "globex-lab"]),
    ];

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly string[] Risks = ["low", "medium", "high"];

    public static IReadOnlyList<PhaseRecord> Generate(DateTimeOffset now)
    {
        // Anchor to midnight UTC so that every run on the same day shares one data set.
        var end = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var start = end.AddDays(-Days);
        var records = new List<PhaseRecord>();
        foreach (var (tenant, facilities) in Tenants)
        {
            var random = new Random(tenant == "acme" ? 50 : 60);
            for (var day = 0; day < Days; day++)
            {
                var date = start.AddDays(day);
                foreach (var facility in facilities)
                {
                    AddDay(records, random, tenant, facility, date, day, end);
                }
            }

            for (var month = 0; month < Days / 30; month++)
            {
                var date = start.AddDays((month * 30) + 29).AddHours(18);
                records.Add(new EnterpriseReport { ReportId = Id("rep", tenant, month), TenantId = tenant, Category = "monthly", Title = $"Monthly operations review {month + 1}", SectionsCount = 5 + (month % 3), GeneratedAt = date });
                records.Add(new ExecutiveInsight
                {
                    InsightId = Id("ins", tenant, month), TenantId = tenant, Category = month % 2 == 0 ? "compliance" : "capacity", Severity = Severities[random.Next(4)],
                    Summary = $"Month {month + 1}: SLA compliance moved by {random.Next(-8, 9)} points", GeneratedAt = date.AddHours(1),
                    Metrics = new Dictionary<string, double> { ["slaCompliance"] = Math.Round(0.85 + (random.NextDouble() * 0.14), 3), ["openFindings"] = random.Next(3, 40) },
                });
            }
        }

        return records;
    }

    private static void AddDay(List<PhaseRecord> records, Random random, string tenant, string facility, DateTimeOffset date, int day, DateTimeOffset end)
    {
        var key = $"{facility}-{day:D3}";
        if (random.Next(3) == 0)
        {
            var resolved = random.Next(3) > 0;
            records.Add(new AuditFinding
            {
                AuditFindingId = "af-" + key, TenantId = tenant, FacilityId = facility, Severity = Severities[random.Next(4)], Category = random.Next(2) == 0 ? "access-control" : "documentation",
                Status = resolved ? "resolved" : "open", Description = $"Inspection {day + 1} at {facility}", FoundAt = date.AddHours(9), ResolvedAt = resolved ? date.AddDays(random.Next(1, 5)) : null,
            });
        }

        var driftAt = date.AddHours(random.Next(24)).AddMinutes(random.Next(60));
        records.Add(new DriftEvent { DriftId = "drift-" + key, TenantId = tenant, FacilityId = facility, Severity = Severities[random.Next(4)], Category = random.Next(2) == 0 ? "temperature" : "humidity", DetectedAt = driftAt, ResolvedAt = random.Next(4) > 0 ? driftAt.AddHours(random.Next(1, 12)) : null });

        for (var i = 0; i < 2; i++)
        {
            var created = date.AddHours(2 + (i * 10) + random.Next(6));
            var deadline = created.AddHours(4);
            var closed = created.AddHours(random.Next(1, 8));
            var open = closed > end;
            records.Add(new Alert { AlertId = $"al-{key}-{i}", TenantId = tenant, FacilityId = facility, Severity = Severities[random.Next(4)], Category = i == 0 ? "equipment" : "security", Status = open ? "open" : "resolved", CreatedAt = created, ResolvedAt = open ? null : closed, SlaDeadline = deadline });
            var taskCreated = created.AddMinutes(30);
            var completed = taskCreated.AddHours(random.Next(1, 30));
            var pending = completed > end;
            records.Add(new WorkflowTask { TaskId = $"task-{key}-{i}", TenantId = tenant, FacilityId = facility, Priority = Priorities[random.Next(4)], Status = pending ? "in-progress" : "completed", CreatedAt = taskCreated, CompletedAt = pending ? null : completed, SlaDeadline = taskCreated.AddHours(24), AssignedTo = $"op-{random.Next(1, 9)}", References = [$"al-{key}-{i}"] });
        }

        records.Add(new RealTimeSignal { SignalId = "sig-" + key, TenantId = tenant, FacilityId = facility, Metric = "temperature", Value = Math.Round(18 + (random.NextDouble() * 8), 2), Unit = "celsius", Severity = random.Next(10) == 0 ? "warning" : "info", ReadAt = date.AddHours(12) });
        records.Add(new WorkloadSchedule { ScheduleId = "sch-" + key, TenantId = tenant, FacilityId = facility, TotalSlots = 96, TotalConflicts = random.Next(0, 6), CriticalConflicts = random.Next(0, 2), AverageCapacityUtilization = Math.Round(0.5 + (random.NextDouble() * 0.45), 3), SlaRiskScore = Math.Round(random.NextDouble() * 40, 1), GeneratedAt = date.AddHours(6) });
        if (day % 7 == 0)
        {
            for (var op = 1; op <= 3; op++)
            {
                records.Add(new OperatorMetric { MetricId = $"om-{key}-{op}", TenantId = tenant, FacilityId = facility, OperatorId = $"op-{op}", OperatorName = $"Operator {op} ({facility})", UtilizationRate = Math.Round(0.6 + (random.NextDouble() * 0.35), 3), TaskCompletionRate = Math.Round(0.8 + (random.NextDouble() * 0.2), 3), SlaComplianceRate = Math.Round(0.75 + (random.NextDouble() * 0.25), 3), RecordedAt = date.AddHours(20) });
            }

            records.Add(new CapacityProjection { ProjectionId = "cap-" + key, TenantId = tenant, FacilityId = facility, Category = "storage", ProjectedCapacity = Math.Round(0.4 + (random.NextDouble() * 0.6), 3), RiskLevel = Risks[random.Next(3)], WindowStart = date.AddHours(7), WindowEnd = date.AddDays(14) });
        }
    }

    private static string Id(string prefix, string tenant, int n) => $"{prefix}-{tenant}-{n:D2}";
}
