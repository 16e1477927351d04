using SupportLens.Reports.Tests.Pdf;
using SupportLens.Reports.Tests.Samples;
using Xunit.Abstractions;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>
/// Writes every report kind of the sample's last month (and a month without data) to artifacts/report-samples/, PDF
/// and one PNG per page, for people to look at; checks each page rendered.
/// </summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class ReportSamplesTests(SampleHistory sample, ITestOutputHelper output)
{
    public static TheoryData<ReportKind, string, string?> Samples => new()
    {
        { ReportKind.Executive, SampleHistory.LastMonth, null },
        { ReportKind.Csat, SampleHistory.LastMonth, null },
        { ReportKind.Nps, SampleHistory.LastMonth, null },
        { ReportKind.Nps, "2026-08", null },
        { ReportKind.Fcr, SampleHistory.LastMonth, null },
        { ReportKind.Sla, SampleHistory.LastMonth, null },
        { ReportKind.ClientHealth, SampleHistory.LastMonth, "C-024" },
        { ReportKind.ClientHealth, SampleHistory.LastMonth, "C-004" },
        { ReportKind.Capacity, SampleHistory.LastMonth, null },
        { ReportKind.Executive, "2024-01", null },
        { ReportKind.ClientHealth, SampleHistory.LastMonth, "C-021" },
        { ReportKind.Csat, "2024-01", null },
        { ReportKind.Sla, "2026-W40", null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_kind_is_kept_as_pdf_and_png_for_review(ReportKind kind, string month, string? clientId)
    {
        var report = sample.Rendered(kind, month, clientId);
        var dir = Path.Combine(SampleDocumentTests.RepositoryRoot(), "artifacts", "report-samples");
        Directory.CreateDirectory(dir);
        var name = $"{month}-{Path.GetFileNameWithoutExtension(report.Path)}";
        var path = Path.Combine(dir, name + ".pdf");
        File.Copy(report.Path, path, overwrite: true);

        var pngs = PdfTools.RenderPng(path, Path.Combine(dir, name));
        output.WriteLine($"{path}: {report.Pages} pages, {report.Bytes:N0} bytes; {pngs.Count} PNGs");
        Assert.Equal(report.Pages, pngs.Count);
        Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 5_000, $"{png} looks blank"));
    }
}
