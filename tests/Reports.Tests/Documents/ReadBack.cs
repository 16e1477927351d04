using System.Text.RegularExpressions;
using SupportLens.Reports.Tests.Pdf;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>A rendered report read back as a reader's viewer sees it: page texts (layout kept) and word boxes.</summary>
internal sealed class ReadBack
{
    private readonly Lazy<IReadOnlyList<PdfWord>> words;

    public ReadBack(RenderedReport report)
    {
        Report = report;
        Pages = PdfTools.PageTexts(report.Path);
        words = new(() => PdfTools.Words(report.Path));
    }

    public RenderedReport Report { get; }

    public IReadOnlyList<string> Pages { get; }

    public string Text => string.Join("\n", Pages);

    /// <summary>The text with every run of spaces and line breaks as one space: sentences read whole across wrapped lines.</summary>
    public string Flat => Regex.Replace(Text, @"\s+", " ");

    public IReadOnlyList<PdfWord> Words => words.Value;

    /// <summary>The lines that hold every token, in order, with any spacing between them (table rows, tile lines).</summary>
    public IReadOnlyList<string> LinesWith(params string[] tokens)
    {
        var pattern = new Regex(string.Join(@"\s+(?:\S+\s+)*?", tokens.Select(Regex.Escape)));
        return [.. Text.Split('\n').Where(line => pattern.IsMatch(line))];
    }

    /// <summary>Asserts a KPI tile shows <paramref name="value"/> right under its <paramref name="label"/> (same column of the layout text).</summary>
    public void Tile(string label, string value)
    {
        foreach (var page in Pages)
        {
            var lines = page.Split('\n');
            for (var i = 0; i < lines.Length - 1; i++)
            {
                foreach (Match match in Regex.Matches(lines[i], "(?<=^|\\s{2})" + Regex.Escape(label) + "(?=\\s{2}|$)"))
                {
                    // pdftotext may leave a blank line between the small label and the large value.
                    var below = lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
                    var column = match.Index;
                    if (below.Length > column && below[column..].TrimStart().StartsWith(value, StringComparison.Ordinal)
                        && below[column..].Length - below[column..].TrimStart().Length <= 3)
                    {
                        return;
                    }
                }
            }
        }

        Assert.Fail($"no tile of {Path.GetFileName(Report.Path)} shows {value} under {label}");
    }

    /// <summary>Asserts a line holds every token in order, e.g. a table row's cells.</summary>
    public string Row(params string[] tokens)
    {
        var lines = LinesWith(tokens);
        Assert.True(lines.Count > 0, $"no line of {Path.GetFileName(Report.Path)} holds [{string.Join("] [", tokens)}]");
        return lines[0];
    }
}
