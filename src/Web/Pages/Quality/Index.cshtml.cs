using SupportLens.Analytics.Metrics;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;

namespace SupportLens.Web.Pages.Quality;

/// <summary>CSAT, NPS and FCR with their response counts and intervals, split by tier unless asked otherwise.</summary>
public sealed class IndexModel : DashboardPage
{
    internal QualityMetrics? All { get; private set; }

    internal MetricsReport? Split { get; private set; }

    internal IEnumerable<KpiTile> Tiles => All is null ? [] : Scorecard.Quality(All).Where(t => t.Label is "CSAT" or "NPS" or "FCR" or "Reopens");

    internal override string? DefaultBy => "tier";

    internal override void Load(DashboardView view)
    {
        All = Data.Metrics(view.Period, MetricsGrouping.All, view.Filter, view.AsOf).Groups.Single();
        Split = Data.Metrics(view.Period, view.Grouping, view.Filter, view.AsOf);
    }
}
