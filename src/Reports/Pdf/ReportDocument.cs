using SkiaSharp;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Pdf;

/// <summary>A rendered PDF and its page count.</summary>
internal sealed record RenderedPdf(byte[] Bytes, int PageCount);

/// <summary>
/// A PDF report being composed: runs of pages (portrait or landscape), each a column of blocks, framed by the
/// page template and written through Skia's PDF backend.
/// </summary>
/// <remarks>
/// Output is deterministic: the only time in the file is the report clock's, fonts come from this assembly,
/// and Skia writes no document id for a non-PDF/A file, so the same input and clock give the same bytes.
/// </remarks>
internal sealed class ReportDocument
{
    private readonly List<(PageOrientation Orientation, ColumnDescriptor Content)> runs = [];

    private ReportDocument(DocumentInfo info, TimeProvider clock, ReportTheme theme)
    {
        Info = info;
        Clock = clock;
        Theme = theme;
    }

    public DocumentInfo Info { get; }

    public ReportTheme Theme { get; }

    private TimeProvider Clock { get; }

    public static ReportDocument Create(DocumentInfo info, TimeProvider clock, ReportTheme? theme = null) =>
        new(info, clock, theme ?? ReportTheme.Default);

    /// <summary>Renders a report class: it composes itself onto a new document, which is then written.</summary>
    public static RenderedPdf Render(IReportDocument report, TimeProvider clock, ReportTheme? theme = null)
    {
        var document = Create(report.Info, clock, theme);
        report.Compose(document);
        return document.GeneratePdf();
    }

    /// <summary>Portrait pages, starting on a new page, as many as the content needs.</summary>
    public ReportDocument Page(Action<ColumnDescriptor> compose) => Page(PageOrientation.Portrait, compose);

    /// <summary>Pages of the given orientation, starting on a new page, as many as the content needs.</summary>
    public ReportDocument Page(PageOrientation orientation, Action<ColumnDescriptor> compose)
    {
        var column = new ColumnDescriptor(Theme);
        compose(column);
        runs.Add((orientation, column));
        return this;
    }

    public RenderedPdf GeneratePdf()
    {
        using var output = new MemoryStream();
        var pages = GeneratePdf(output);
        return new RenderedPdf(output.ToArray(), pages);
    }

    /// <returns>The number of pages written.</returns>
    public int GeneratePdf(Stream output)
    {
        var now = Clock.GetUtcNow();
        var stamp = Info.Zone.FormatStamp(now);
        using var context = new RenderContext(Theme);

        var pages = new List<(PageOrientation Orientation, List<Placement> Placements)>();
        foreach (var (orientation, content) in runs)
        {
            var area = Theme.ContentArea(orientation);
            foreach (var page in Paginator.Paginate(context, content.Blocks, area.Width, area.Height))
            {
                pages.Add((orientation, page));
            }
        }

        var metadata = new SKDocumentPdfMetadata
        {
            Title = Info.Title,
            Subject = Info.Subject,
            Author = Info.Author,
            Creator = "SupportLens",
            Producer = "SupportLens (Skia PDF)",
            Creation = now.UtcDateTime,
            Modified = now.UtcDateTime,
            RasterDpi = 300,
            PdfA = false,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var (orientation, placements) = pages[i];
                var size = Theme.PageSizeFor(orientation);
                var area = Theme.ContentArea(orientation);
                var canvas = document.BeginPage(size.Width, size.Height);
                PageFrame.Draw(context, canvas, size, Info, stamp, i + 1, pages.Count);
                foreach (var placement in placements)
                {
                    var top = area.Top + placement.Top;
                    placement.Block.Draw(context, canvas, new SKRect(area.Left, top, area.Right, top + placement.Height));
                }

                document.EndPage();
            }

            document.Close();
        }

        return pages.Count;
    }
}
