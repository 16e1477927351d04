using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Tests.Pdf;

/// <summary>Small documents for the layout tests, rendered with the fixed report clock.</summary>
internal static class TestDocuments
{
    public static DocumentInfo Info(string title = "Test report") =>
        new(title, "Layout test", "November 2026", ReportingZone.NewYork);

    public static RenderedPdf Render(Action<ReportDocument> compose, string title = "Test report", TimeProvider? clock = null)
    {
        var document = ReportDocument.Create(Info(title), clock ?? FixedTime.December1st);
        compose(document);
        return document.GeneratePdf();
    }

    /// <summary>Renders and writes to a temporary file for the poppler tools.</summary>
    public static (RenderedPdf Pdf, string Path) RenderToFile(Action<ReportDocument> compose, string name, string title = "Test report")
    {
        var pdf = Render(compose, title);
        return (pdf, PdfTools.WriteTemp(pdf.Bytes, name));
    }

    /// <summary>Paragraph text of about <paramref name="words"/> words, deterministic.</summary>
    public static string Words(int words, int seed = 1)
    {
        string[] vocabulary = ["ticket", "response", "agent", "escalation", "client", "survey", "resolution", "queue", "shift", "backlog", "priority", "channel"];
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".";
    }
}
