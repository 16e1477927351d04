using System.Globalization;
using NodaTime;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>
/// What the reports show of client health, churn risk and retention is what `supportlens health --as-of` reads from the
/// stored scores for the same day (the month's last, or a churned client's last active day).
/// </summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class HealthReportTests(SampleHistory sample)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>October's health is read on its last day, the day `health --as-of 2026-10-31` shows.</summary>
    private Analytics.Health.HealthBook Book => sample.Health.Book(new LocalDate(2026, 10, 31));

    [Fact]
    public void Executive_health_average_and_retention_are_the_books()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Executive));
        var book = Book;

        report.Tile("Health score average", book.AverageScore!.Value.ToString("F1", Invariant));
        report.Tile("Client retention (12 months)", book.Retention.Annual.All.ClientRetentionPct!.Value.ToString("F1", Invariant) + " %");
        foreach (var figure in new[] { book.Retention.Annual.All, book.Retention.Quarterly.All })
        {
            report.Row("All clients", $"{figure.ClientsRetained}/{figure.ClientsAtStart}", figure.ClientRetentionPct!.Value.ToString("F1", Invariant) + " %");
        }
    }

    [Fact]
    public void Executive_lists_the_clients_at_risk_or_else_the_lowest_scores()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Executive));
        var book = Book;
        var flagged = book.Clients.Where(c => c.Risk?.AtRisk == true).ToList();
        var shown = flagged.Count > 0 ? flagged : [.. book.Clients.Where(c => c.Health.Score is not null).OrderBy(c => c.Health.Score).ThenBy(c => c.Client.ClientId, StringComparer.Ordinal).Take(5)];

        Assert.Contains(flagged.Count > 0 ? $"{flagged.Count} of the {book.Clients.Length} active clients" : "No client was flagged at risk of leaving on 2026-10-31", report.Flat);
        foreach (var entry in shown)
        {
            report.Row(entry.Client.ClientId, $"{entry.Health.Score} {entry.Health.Band!.Value.ToString().ToLowerInvariant()}");
        }
    }

    [Fact]
    public void Client_health_shows_the_clients_stored_health_and_drivers()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.ClientHealth, SampleHistory.LastMonth, "C-004"));
        var detail = sample.Health.Client("C-004", new LocalDate(2026, 10, 31))!;
        var health = detail.Entry.Health;

        Assert.Contains($"On 2026-10-31: health {health.Score} {health.Band!.Value.ToString().ToLowerInvariant()}", report.Flat);
        report.Tile("Health score", health.Score!.Value.ToString(Invariant));
        foreach (var driver in health.Drivers)
        {
            Assert.Contains(driver.Text, report.Flat);
        }
    }

    [Fact]
    public void A_client_that_churned_in_the_month_is_read_on_its_last_day()
    {
        // C-024 churned on 2026-10-11: its last stored day is the 10th.
        var report = new ReadBack(sample.Rendered(ReportKind.ClientHealth, SampleHistory.LastMonth, "C-024"));
        var detail = sample.Health.Client("C-024", new LocalDate(2026, 10, 10))!;

        Assert.Contains($"On 2026-10-10: health {detail.Entry.Health.Score}", report.Flat);
    }
}
