using System.Diagnostics;
using SupportLens.Reports.Pdf;
using SupportLens.Reports.Tests.Pdf;
using Xunit.Abstractions;

namespace SupportLens.Reports.Tests.Samples;

/// <summary>Renders the demo scorecard to artifacts/report-samples/ (PDF and PNG pages) for people to look at, and checks it.</summary>
public sealed class SampleDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public void Demo_scorecard_renders_every_component_and_is_kept_for_review()
    {
        // Warm-up render: the first one pays for loading Skia, fonts and ScottPlot.
        ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        var watch = Stopwatch.StartNew();
        var pdf = ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        watch.Stop();

        var dir = Path.Combine(RepositoryRoot(), "artifacts", "report-samples");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "demo-scorecard.pdf");
        File.WriteAllBytes(path, pdf.Bytes);
        var pngs = PdfTools.RenderPng(path, Path.Combine(dir, "demo-scorecard"));
        output.WriteLine($"{path}: {pdf.PageCount} pages, {pdf.Bytes.Length:N0} bytes, rendered in {watch.Elapsed.TotalMilliseconds:0} ms; PNGs: {string.Join(", ", pngs.Select(Path.GetFileName))}");

        Assert.Equal(pdf.PageCount, pngs.Count);
        var texts = PdfTools.PageTexts(path);
        Assert.Equal(pdf.PageCount, texts.Count);
        var all = string.Join("\n", texts);
        foreach (var expected in new[]
                 {
                     "Support scorecard", "Scorecard", "Missed", "Not measured", "Tickets per day, November actuals", "Tickets by channel per month",
                     "CSAT by tier, November", "First-response SLA met, by tier", "Tickets created per hour, by weekday", "No incident was recorded",
                     "Client 120",
                 })
        {
            Assert.Contains(expected, all);
        }

        var sizes = PdfTools.PageSizes(path);
        Assert.Contains(sizes, s => s.Width > s.Height);
        Assert.Contains(sizes, s => s.Width < s.Height);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SupportLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
