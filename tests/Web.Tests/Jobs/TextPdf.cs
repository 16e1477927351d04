using System.Globalization;
using System.Text;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>
/// A minimal PDF 1.4 writer: A4 pages of lines in Helvetica (one of the 14 standard fonts, so nothing is embedded),
/// with the cross-reference table PDF readers need: the small real PDFs the jobs tests' renderer writes, fast and
/// without the reports layer. Characters outside Latin-1 are written as '?'.
/// </summary>
internal static class TextPdf
{
    private const int LinesPerPage = 60;

    public static byte[] Write(string title, IReadOnlyList<(string Text, bool Heading)> lines)
    {
        var pages = lines.Chunk(LinesPerPage).ToList();
        if (pages.Count == 0)
        {
            pages.Add([]);
        }

        // Objects: 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then a page and its content stream per page.
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + 2 * i} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title)}) /Producer (SupportLens) >>",
        };
        foreach (var page in pages)
        {
            var content = new StringBuilder("BT\n");
            var y = 800.0;
            foreach (var (text, heading) in page)
            {
                content.Append(CultureInfo.InvariantCulture, $"/{(heading ? "F2 13" : "F1 10")} Tf 1 0 0 1 50 {y:0.##} Tm ({Escape(text)}) Tj\n");
                y -= heading ? 20 : 13;
            }

            content.Append("ET");
            var stream = content.ToString();
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {objects.Count + 2} 0 R >>");
            objects.Add($"<< /Length {Latin1.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    private static Encoding Latin1 { get; } = Encoding.Latin1;

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '(' or ')' or '\\' => $"\\{c}",
                '–' or '—' => "-",
                < ' ' => " ",
                > 'ÿ' => "?",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
