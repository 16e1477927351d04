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
        // The first render pays for loading Skia, the fonts and ScottPlot; the figure is the median of five after it.
        var pdf = ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
        var times = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            ReportDocument.Render(new DemoScorecard(), FixedTime.December1st);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        // CPU time is steadier than wall time on a shared machine (other tests may run alongside: an upper bound).
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / 5;
        times.Sort();

        var dir = Path.Combine(RepositoryRoot(), "artifacts", "report-samples");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "demo-scorecard.pdf");
        File.WriteAllBytes(path, pdf.Bytes);
        var pngs = PdfTools.RenderPng(path, Path.Combine(dir, "demo-scorecard"));
        output.WriteLine($"{path}: {pdf.PageCount} pages, {pdf.Bytes.Length:N0} bytes, rendered in {times[2]:0} ms (wall median of 5, min {times[0]:0} ms; process CPU {cpu:0} ms per render); PNGs: {string.Join(", ", pngs.Select(Path.GetFileName))}");

        Assert.Equal(pdf.PageCount, pngs.Count);
        foreach (var figure in DemoScorecard.Figures())
        {
            var name = new string(figure.Title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            File.WriteAllText(Path.Combine(dir, name + ".svg"), figure.ToSvg(figure is SupportLens.Reports.Charts.Sparkline ? 240 : 800, figure is SupportLens.Reports.Charts.Sparkline ? 60 : 360));
            File.WriteAllText(Path.Combine(dir, name + ".csv"), figure.ToCsv());
        }

        var texts = PdfTools.PageTexts(path);
        Assert.Equal(pdf.PageCount, texts.Count);
        var all = string.Join("\n", texts);
        foreach (var expected in new[]
                 {
                     "Support scorecard", "Scorecard", "Missed", "Not measured", "Tickets per day, November actuals", "Tickets by channel per month",
                     "CSAT by tier, November", "First-response SLA met, by tier", "Tickets created per hour, by weekday", "No incident was recorded",
                     "Client 120",
                     // Legend entries, including those a wrapped legend puts on its second row.
                     "95 % interval", "Forecast", "Staffed capacity 550 / day", "API", "Target ≥ 95 %", "Measured",
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
