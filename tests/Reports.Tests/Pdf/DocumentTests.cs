using SupportLens.Reports.Pdf;
using SupportLens.Reports.Tests.Samples;

namespace SupportLens.Reports.Tests.Pdf;

public sealed class DocumentTests
{
    private static readonly Lazy<(RenderedPdf Pdf, string Path)> Demo = new(() =>
    {
        var pdf = ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        return (pdf, PdfTools.WriteTemp(pdf.Bytes, "demo"));
    });

    [Fact]
    public void Metadata_names_the_report_and_dates_it_by_the_report_clock()
    {
        var info = PdfTools.Info(Demo.Value.Path);

        Assert.Equal("Demo scorecard", info["Title"]);
        Assert.Equal("Support performance, November 2026 (demo data)", info["Subject"]);
        Assert.Equal("SupportLens", info["Author"]);
        Assert.Equal("SupportLens", info["Creator"]);
        // FixedTime.December1st is 2026-12-01 11:00 UTC.
        Assert.Equal("2026-12-01T11:00:00Z", info["CreationDate"]);
        Assert.Equal("2026-12-01T11:00:00Z", info["ModDate"]);
        Assert.Equal(Demo.Value.Pdf.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), info["Pages"]);
    }

    [Fact]
    public void The_same_input_and_clock_give_the_same_bytes()
    {
        var first = ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        var second = ReportDocument.Render(new DemoScorecard(), new FixedTime(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)));

        Assert.Equal(first.Bytes.Length, second.Bytes.Length);
        Assert.True(first.Bytes.AsSpan().SequenceEqual(second.Bytes), "two renders of the same report differ");
    }

    [Fact]
    public void The_report_clock_is_the_only_time_in_the_file()
    {
        var december = ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        var later = ReportDocument.Render(new DemoScorecard(), new FixedTime(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero)));

        Assert.False(december.Bytes.AsSpan().SequenceEqual(later.Bytes));
        var path = PdfTools.WriteTemp(later.Bytes, "later");
        Assert.Equal("2026-12-02T11:00:00Z", PdfTools.Info(path)["CreationDate"]);
        Assert.Contains("Generated 2026-12-02 06:00 EST by SupportLens", PdfTools.PageTexts(path)[0]);
    }

    [Fact]
    public void Every_page_has_the_header_and_a_footer_with_page_x_of_y_and_the_generation_time()
    {
        var pages = PdfTools.PageTexts(Demo.Value.Path);

        Assert.Equal(Demo.Value.Pdf.PageCount, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Demo scorecard", pages[i]);
            Assert.Contains("November 2026 · times in America/New_York", pages[i]);
            // 11:00 UTC on 1 December is 06:00 Eastern Standard Time.
            Assert.Contains("Generated 2026-12-01 06:00 EST by SupportLens", pages[i]);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        }
    }

    [Fact]
    public void Portrait_pages_are_letter_and_landscape_pages_are_letter_turned()
    {
        var sizes = PdfTools.PageSizes(Demo.Value.Path);

        Assert.Equal(Demo.Value.Pdf.PageCount, sizes.Count);
        Assert.Equal((612d, 792d), sizes[0]);
        Assert.Equal((792d, 612d), sizes[2]);
        Assert.Equal((612d, 792d), sizes[3]);
    }

    [Fact]
    public void No_text_runs_outside_the_page_margins()
    {
        var theme = ReportTheme.Default;
        var words = PdfTools.Words(Demo.Value.Path);
        const double tolerance = 1.0;

        Assert.NotEmpty(words);
        Assert.All(words, w =>
        {
            var where = $"'{w.Text}' on page {w.Page} at ({w.XMin:0.#}, {w.YMin:0.#})–({w.XMax:0.#}, {w.YMax:0.#})";
            Assert.True(w.XMin >= theme.MarginX - tolerance, "left of the margin: " + where);
            Assert.True(w.XMax <= w.PageWidth - theme.MarginX + tolerance, "right of the margin: " + where);
            Assert.True(w.YMin >= theme.MarginTop - tolerance, "above the margin: " + where);
            Assert.True(w.YMax <= w.PageHeight - theme.MarginBottom + tolerance, "below the margin: " + where);
        });
    }

    [Fact]
    public void No_two_words_overlap()
    {
        var words = PdfTools.Words(Demo.Value.Path);
        const double allowed = 0.8; // points: glyph boxes of adjacent lines may touch

        foreach (var page in words.GroupBy(w => w.Page))
        {
            var list = page.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    var overlapX = Math.Min(a.XMax, b.XMax) - Math.Max(a.XMin, b.XMin);
                    var overlapY = Math.Min(a.YMax, b.YMax) - Math.Max(a.YMin, b.YMin);
                    Assert.False(
                        overlapX > allowed && overlapY > allowed,
                        $"page {page.Key}: '{a.Text}' ({a.XMin:0.#},{a.YMin:0.#}–{a.XMax:0.#},{a.YMax:0.#}) overlaps '{b.Text}' ({b.XMin:0.#},{b.YMin:0.#}–{b.XMax:0.#},{b.YMax:0.#})");
                }
            }
        }
    }

    [Fact]
    public void Text_is_set_only_in_the_embedded_font_and_charts_are_vectors()
    {
        var fonts = PdfTools.Fonts(Demo.Value.Path).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, line =>
        {
            Assert.Contains("+LiberationSans", line);
            Assert.Contains(" yes ", line); // embedded
        });
        Assert.Empty(PdfTools.Images(Demo.Value.Path));
    }
}
