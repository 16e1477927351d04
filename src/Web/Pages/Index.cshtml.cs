using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;

namespace SupportLens.Web.Pages;

/// <summary>The overview scorecard: every figure of the period against its target, then the same split by tier (or by choice).</summary>
public sealed class IndexModel : DashboardPage
{
    internal QualityMetrics? All { get; private set; }

    internal MetricsReport? Split { get; private set; }

    internal IncidentReport? Incidents { get; private set; }

    internal override string? DefaultBy => "tier";

    internal override void Load(DashboardView view)
    {
        All = Data.Metrics(view.Period, MetricsGrouping.All, view.Filter, view.AsOf).Groups.Single();
        Split = Data.Metrics(view.Period, view.Grouping, view.Filter, view.AsOf);
        Incidents = Data.Incidents(view.Period, view.AsOf);
    }
}
