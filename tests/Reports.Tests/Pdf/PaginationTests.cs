using SkiaSharp;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Tests.Pdf;

public sealed class PaginationTests
{
    private static readonly ReportTheme Theme = ReportTheme.Default;

    [Fact]
    public void A_long_table_paginates_and_repeats_its_header_row_on_every_page()
    {
        const int rows = 150;
        var (pdf, path) = TestDocuments.RenderToFile(d => d.Page(page => page
            .Heading("Worst breaches")
            .Table(table => table
                .Column("Ticket", 2)
                .Column("Client", 3)
                .Column("Overrun", 1, TextAlign.Right)
                .Rows(Enumerable.Range(1, rows), i => [$"T-{i:0000}", $"Client {i % 40}", $"{i} min"]))), "long-table");

        var pages = PdfTools.PageTexts(path);
        Assert.True(pdf.PageCount >= 3, $"150 rows should need at least 3 pages, got {pdf.PageCount}");
        var seen = new List<int>();
        foreach (var page in pages)
        {
            var lines = page.Split('\n');
            var header = Array.FindIndex(lines, l => l.Contains("Ticket") && l.Contains("Client") && l.Contains("Overrun"));
            Assert.True(header >= 0, "a page of the table has no header row:\n" + page);
            var rowsHere = lines.Select((l, i) => (l, i))
                .Where(x => x.l.TrimStart().StartsWith("T-", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(rowsHere);
            Assert.All(rowsHere, r => Assert.True(r.i > header, "a row is above the header on its page"));
            seen.AddRange(rowsHere.Select(r => int.Parse(r.l.Trim()[2..6], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(Enumerable.Range(1, rows), seen);
    }

    [Fact]
    public void A_heading_moves_to_the_next_page_with_the_block_it_introduces()
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(PageOrientation.Portrait);
        var heading = new TextBlock("Capacity", Theme.Heading1, TextRole.Heading);
        var chart = new FixedBlock(200);
        // Filler leaves room for the heading but not for the chart under it.
        var filler = new FixedBlock(area.Height - 60);

        var pages = Paginator.Paginate(context, [filler, heading, chart], area.Width, area.Height);

        Assert.Equal(2, pages.Count);
        Assert.Equal([filler], pages[0].Select(p => p.Block));
        Assert.Equal(new Block[] { heading, chart }, pages[1].Select(p => p.Block));
        Assert.Equal(0, pages[1][0].Top);
    }

    [Fact]
    public void A_heading_stays_with_the_first_rows_of_a_table_it_introduces()
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(PageOrientation.Portrait);
        var heading = new TextBlock("Clients", Theme.Heading1, TextRole.Heading);
        var table = new TableBlock([new TableColumn("Client", 1, false, TextAlign.Left)], Enumerable.Range(0, 40).Select(i => (IReadOnlyList<TableCell>)[new TableCell($"C{i}")]).ToList());
        var headingHeight = heading.Measure(context, area.Width);
        // Room for the heading and the table's header row, but not for a body row as well.
        var filler = new FixedBlock(area.Height - headingHeight - Theme.HeadingSpaceBefore - Theme.BlockSpacing - 12);

        var pages = Paginator.Paginate(context, [filler, heading, table], area.Width, area.Height);

        Assert.Single(pages[0]);
        Assert.Same(heading, pages[1][0].Block);
        Assert.IsType<TableBlock>(pages[1][1].Block);
    }

    [Fact]
    public void A_block_that_does_not_fit_moves_whole_to_the_next_page()
    {
        var (_, path) = TestDocuments.RenderToFile(d => d.Page(page => page
            .Paragraph(TestDocuments.Words(700))
            .Chart(new BarChart(new BarChartData("Moved whole chart", "Tickets", ValueFormat.Count,
                [new CategorySeries("Tickets", [new("Email", 10), new("Chat", 20)])])), 420)), "moved-chart");

        var words = PdfTools.Words(path);
        var title = words.Where(w => w.Text == "Moved").ToList();
        Assert.Single(title);
        Assert.Equal(2, title[0].Page);
        var chartWords = words.Where(w => w.Text is "Email" or "Chat").ToList();
        Assert.NotEmpty(chartWords);
        Assert.All(chartWords, w => Assert.Equal(2, w.Page));
    }

    [Fact]
    public void A_paragraph_splits_between_lines_without_leaving_a_single_line_at_either_edge()
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(PageOrientation.Portrait);
        var paragraph = new TextBlock(TestDocuments.Words(600, seed: 3), Theme.Body);
        var lines = paragraph.LineCount(context, area.Width);
        // Leaves exactly one line's room on page 1 (plus the gap): too few to start the paragraph there.
        var filler = new FixedBlock(area.Height - Theme.BlockSpacing - Theme.Body.LineAdvance * 1.5f);

        var pages = Paginator.Paginate(context, [filler, paragraph], area.Width, area.Height);

        Assert.Equal([filler], pages[0].Select(p => p.Block));
        var parts = pages.Skip(1).SelectMany(p => p).Select(p => ((TextBlock)p.Block).LineCount(context, area.Width)).ToList();
        Assert.Equal(lines, parts.Sum());
        Assert.All(parts, n => Assert.True(n >= Theme.MinimumLinesAtPageEdge));
    }

    [Fact]
    public void A_block_taller_than_a_page_is_refused_with_its_kind_and_size()
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(PageOrientation.Portrait);

        var error = Assert.Throws<InvalidOperationException>(() => Paginator.Paginate(context, [new FixedBlock(area.Height + 5)], area.Width, area.Height));

        Assert.Contains("FixedBlock", error.Message);
        Assert.Contains("cannot split", error.Message);
    }

    [Fact]
    public void A_page_break_starts_a_new_page_and_an_empty_document_has_one_page()
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(PageOrientation.Portrait);

        var broken = Paginator.Paginate(context, [new FixedBlock(10), new PageBreakBlock(), new FixedBlock(10)], area.Width, area.Height);
        var empty = Paginator.Paginate(context, [], area.Width, area.Height);

        Assert.Equal(2, broken.Count);
        Assert.Single(empty);
    }
}

/// <summary>An atomic block of a fixed height, standing in for a chart or a tile row.</summary>
internal sealed class FixedBlock(float height) : Block
{
    public float Height => height;

    public override float Measure(RenderContext context, float width) => height;

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
    }
}
