using SupportLens.Web.Apis;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;

namespace SupportLens.Web.Pages.Reports;

/// <summary>
/// The reports archive: every PDF written (report_runs and DATA/reports), newest period first, each downloadable; a
/// success manager sees the client-health reports of their clients. Narrowed by period, report and client.
/// </summary>
public sealed class IndexModel : DashboardPage
{
    internal IReadOnlyList<ArchivedReport> All { get; private set; } = [];

    internal IReadOnlyList<ArchivedReport> Shown { get; private set; } = [];

    internal string? Period => Value("period");

    internal string? Report => Value("report");

    internal override bool OffersSplit => false;

    internal override bool OffersPeriod => false;

    internal override bool OffersChannel => false;

    internal override IEnumerable<(string Name, string? Value)> PageQuery => [("period", Period), ("report", Report)];

    internal override IReadOnlyList<FilterChoice> Choices =>
    [
        new("period", "Period", [("", "all"), .. All.Select(r => r.Period).Distinct().Select(p => (p, p))], Period ?? ""),
        new("report", "Report", [("", "any"), .. ReportLibrary.Kinds.Where(k => All.Any(r => r.Report == k)).Select(k => (k, k))], Report ?? ""),
    ];

    internal override string? ViewText => $"{Shown.Count} of {All.Count} reports";

    internal override string? ScopeText => Viewer.SeesAllClients ? "every report" : "the client-health reports of your clients";

    internal override bool Prepare(DashboardView view)
    {
        All = HttpContext.RequestServices.GetRequiredService<ReportLibrary>().List(Viewer);
        var shown = ReportsApi.Filter(All, Period, Report, Query.Client);
        if (Query.Tier is { } tier || Query.SuccessManager is not null)
        {
            var clients = Data.Clients().ToDictionary(c => c.ClientId, StringComparer.Ordinal);
            shown = shown.Where(r => r.ClientId is { } id && clients.TryGetValue(id, out var c)
                && (Query.Tier is null || c.Tier == Query.Tier) && (Query.SuccessManager is null || c.SuccessManager == Query.SuccessManager));
        }
        Shown = [.. shown];
        return true;
    }

    internal override void Load(DashboardView view)
    {
    }

    internal string ClientName(string? clientId) => clientId is null ? "–" : Data.Client(clientId)?.Name ?? clientId;

    private string? Value(string name) => Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
}
