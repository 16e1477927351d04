using SupportLens.Reports.Tests.Pdf;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>What every report kind owes its reader whatever its data: text on the page, tables that carry their header over, stable bytes, a plain "no data".</summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class ReportLayoutTests(SampleHistory sample)
{
    public static TheoryData<ReportKind> Kinds => [ReportKind.Executive, .. ReportKinds.Quality, ReportKind.Capacity];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_text_runs_outside_the_page_or_its_margins(ReportKind kind)
    {
        var report = new ReadBack(sample.Rendered(kind));

        Assert.NotEmpty(report.Words);
        foreach (var word in report.Words)
        {
            // Letter portrait or landscape; the theme's side margins are 50 pt, top 34 pt and bottom 30 pt.
            Assert.True(word.XMin >= 49 && word.XMax <= word.PageWidth - 49 && word.YMin >= 33 && word.YMax <= word.PageHeight - 29,
                $"page {word.Page}: '{word.Text}' at ({word.XMin:0.#}, {word.YMin:0.#})–({word.XMax:0.#}, {word.YMax:0.#}) is outside the margins");
        }
    }

    [Theory]
    [InlineData("C-024")]
    [InlineData("C-013")]
    public void Client_health_text_stays_inside_the_margins(string clientId)
    {
        var report = new ReadBack(sample.Rendered(ReportKind.ClientHealth, SampleHistory.LastMonth, clientId));

        Assert.All(report.Words, word => Assert.True(
            word.XMin >= 49 && word.XMax <= word.PageWidth - 49 && word.YMin >= 33 && word.YMax <= word.PageHeight - 29,
            $"page {word.Page}: '{word.Text}' is outside the margins"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Page_counts_are_those_of_the_file(ReportKind kind)
    {
        var report = sample.Rendered(kind);
        var sizes = PdfTools.PageSizes(report.Path);

        Assert.Equal(report.Pages, sizes.Count);
        Assert.Equal(new FileInfo(report.Path).Length, report.Bytes);
        Assert.InRange(report.Pages, 2, 8);
    }

    [Fact]
    public void The_client_table_runs_over_pages_with_its_header_on_each()
    {
        // CSAT by client lists the 35 clients with October answers, more than a page holds after the tiers and channels.
        var report = new ReadBack(sample.Rendered(ReportKind.Csat));
        var pagesWithClients = report.Pages.Select((text, i) => (text, i)).Where(p => p.text.Contains("(C-0", StringComparison.Ordinal)).ToList();

        Assert.True(pagesWithClients.Count >= 2, "the client table should span at least two pages");
        foreach (var (text, i) in pagesWithClients)
        {
            var lines = text.Split('\n');
            var header = Array.FindIndex(lines, l => l.Contains("Client", StringComparison.Ordinal) && l.Contains("Answers", StringComparison.Ordinal) && l.Contains("Verdict", StringComparison.Ordinal));
            var firstRow = Array.FindIndex(lines, l => l.Contains("(C-0", StringComparison.Ordinal));
            Assert.True(header >= 0 && header < firstRow, $"page {i + 1}: the client rows have no header above them");
        }

        var rows = report.Text.Split('\n').Count(l => l.Contains("(C-0", StringComparison.Ordinal));
        Assert.Equal(35, rows);
    }

    public static TheoryData<ReportKind> MonthlyKinds => [ReportKind.Executive, .. ReportKinds.Quality];

    [Theory]
    [MemberData(nameof(MonthlyKinds))]
    public void A_month_without_data_says_so_and_measures_nothing(ReportKind kind)
    {
        var report = new ReadBack(sample.Rendered(kind, "2024-01"));
        var text = report.Flat;

        Assert.Contains("There is no ticket or survey data for January 2024", text);
        Assert.Contains("Not measured", text);
        Assert.DoesNotContain(" Met ", text);
        Assert.DoesNotContain("Missed", text);
        Assert.Contains("figures from Feb 2023 to Jan 2024", text);
    }

    [Fact]
    public void A_month_after_the_data_shows_no_health_or_retention_under_its_name()
    {
        // Health is stored to 2026-10-31; March 2027 has no day of it, so the last stored day's book (average 94.4, met;
        // retention 83.3 %, missed) must not stand in for the month.
        var report = new ReadBack(sample.Rendered(ReportKind.Executive, "2027-03"));
        var text = report.Flat;

        Assert.Contains("There is no ticket or survey data for March 2027", text);
        Assert.Contains("Health score average, Client retention (12 months)", text);
        Assert.Contains("No client health is stored for March 2027", text);
        Assert.DoesNotContain(" Met ", text);
        Assert.DoesNotContain("Missed", text);
    }

    [Fact]
    public void The_same_data_and_clock_give_the_same_bytes()
    {
        var first = sample.Rendered(ReportKind.Sla);
        var again = Assert.Single(sample.Renderer.Render(ReportKind.Sla, SampleHistory.LastMonth, outDirectory: Path.Combine(sample.ReportsDirectory, "again")));

        Assert.NotEqual(first.Path, again.Path);
        Assert.True(File.ReadAllBytes(first.Path).AsSpan().SequenceEqual(File.ReadAllBytes(again.Path)), "two renders of the SLA report differ");
    }

    [Fact]
    public void Each_report_written_is_in_the_archive_with_its_file()
    {
        var report = sample.Rendered(ReportKind.Fcr);
        var run = sample.Archive.List(SampleHistory.LastMonth).First(r => r.Path == report.Path);

        Assert.Equal(("fcr", "succeeded", report.Pages, report.Bytes), (run.Report, run.Status, run.Pages!.Value, run.Bytes!.Value));
        Assert.Equal(Path.Combine(sample.ReportsDirectory, "2026-10", "fcr.pdf"), report.Path);
    }

    [Fact]
    public void Pdf_metadata_names_the_report_and_its_month()
    {
        var info = PdfTools.Info(sample.Rendered(ReportKind.Csat).Path);

        Assert.Equal("CSAT report", info["Title"]);
        Assert.Equal("Customer satisfaction, October 2026", info["Subject"]);
        Assert.Equal("2026-11-01T11:00:00Z", info["CreationDate"]);
    }
}
