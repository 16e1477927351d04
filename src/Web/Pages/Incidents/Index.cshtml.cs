using SupportLens.Analytics.Incidents;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;

namespace SupportLens.Web.Pages.Incidents;

/// <summary>Incidents by severity against their targets, availability and latency per component, and the period's incidents.</summary>
public sealed class IndexModel : DashboardPage
{
    internal IncidentReport? Report { get; private set; }

    internal IReadOnlyList<ClientIncident> List { get; private set; } = [];

    internal override bool OffersSplit => false;

    /// <summary>Incidents and availability are the organisation's: no client filter changes them.</summary>
    internal override bool OffersClientFilters => false;

    internal override void Load(DashboardView view)
    {
        Report = Data.Incidents(view.Period, view.AsOf);
        List = Data.IncidentList(view.Period, view.AsOf);
    }
}
