using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;

namespace SupportLens.Web.Pages.Sla;

/// <summary>SLA compliance of the period (by ticket creation), and the active tickets due soon as of the data horizon.</summary>
public sealed class IndexModel : DashboardPage
{
    internal QualityMetrics? All { get; private set; }

    internal MetricsReport? Split { get; private set; }

    internal IEnumerable<KpiTile> Tiles => All is null ? [] : Scorecard.Quality(All).Where(t => t.Label is "SLA first response" or "SLA resolution" or "Escalations" or "Backlog");

    internal DueSoonList? DueSoon { get; private set; }

    internal override string? DefaultBy => "tier";

    internal override void Load(DashboardView view)
    {
        All = Data.Metrics(view.Period, MetricsGrouping.All, view.Filter, view.AsOf).Groups.Single();
        Split = Data.Metrics(view.Period, view.Grouping, view.Filter, view.AsOf);
        DueSoon = Data.DueSoon(DashboardView.DueSoonWindow, view.Filter, view.AsOf, SlaDueSoon.DefaultLimit);
    }
}
