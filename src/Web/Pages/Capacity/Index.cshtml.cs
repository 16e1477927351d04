using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using SupportLens.Reports.Charts;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;
using SupportLens.Web.Pages.Shared;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Pages.Capacity;

/// <summary>
/// The capacity plan from the latest daily forecast: agents per follow-the-sun shift week by week (required on the floor,
/// scheduled with shrinkage, rostered, gap), each channel's workload, and the measured agent productivity. The
/// organisation's plan: admins, executives and planners (a success manager's view is their book, which has no roster).
/// </summary>
[Authorize(Policy = Policies.OrgWide)]
public sealed class IndexModel : DashboardPage
{
    internal const string GapChart = "capacity-gap";

    internal int Weeks => int.TryParse(Request.Query["weeks"], CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 13 ? w : Cli.CapacityCommand.DefaultWeeks;

    internal CapacityDocument? Document { get; private set; }

    internal override bool OffersSplit => false;

    internal override bool OffersPeriod => false;

    internal override bool OffersClientFilters => false;

    internal override IEnumerable<(string Name, string? Value)> PageQuery =>
        [("weeks", Weeks == Cli.CapacityCommand.DefaultWeeks ? null : Weeks.ToString(CultureInfo.InvariantCulture))];

    internal override IReadOnlyList<FilterChoice> Choices =>
        [new("weeks", "Weeks", [.. Enumerable.Range(1, 13).Select(w => (w.ToString(CultureInfo.InvariantCulture), w.ToString(CultureInfo.InvariantCulture)))],
            Weeks.ToString(CultureInfo.InvariantCulture))];

    internal override string? ViewText => Document is { } d ? $"{d.Weeks.Count} ISO weeks, {d.From} to {d.To} ({d.TimeZone})" : null;

    internal override string? ScopeText => "the whole support organisation";

    internal override bool Prepare(DashboardView view)
    {
        Document = HttpContext.RequestServices.GetRequiredService<PlanningData>().CapacityDocument(Weeks);
        return true;
    }

    internal override void Load(DashboardView view)
    {
    }

    internal override string FigureKey(string name, DashboardView view) => $"{name}|{Weeks}";

    internal override string CsvFileName(string chart, DashboardView view) => $"{chart}-{Document?.From ?? "none"}-{Weeks}w.csv";

    /// <summary>Each shift's gap (rostered − scheduled) week by week: below zero the roster is short.</summary>
    internal override Figure? Figure(string name, DashboardView view)
    {
        if (name != GapChart || Document is not { } doc)
        {
            return null;
        }
        var shifts = doc.Weeks.SelectMany(w => w.Shifts.Select(s => s.Shift)).Distinct().ToList();
        var series = shifts.Select(shift => new CategorySeries(shift,
            [.. doc.Weeks.Select(w => new LabelledValue(w.WeekStart, w.Shifts.FirstOrDefault(s => s.Shift == shift)?.Gap))])).ToList();
        return new BarChart(new BarChartData("Agents spare (+) or short (−) per shift, week by week", "Rostered − scheduled agents", ValueFormat.Decimal, series,
            Target: new TargetLine(0, "enough")));
    }
}
