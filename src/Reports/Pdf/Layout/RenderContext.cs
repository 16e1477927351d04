using SkiaSharp;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>What blocks share while one document is laid out and drawn: the theme and measured fonts.</summary>
/// <remarks>Not thread-safe: one context per document being rendered.</remarks>
internal sealed class RenderContext(ReportTheme theme) : IDisposable
{
    private readonly Dictionary<(FontFace, float), SKFont> fonts = [];
    private readonly Dictionary<SKColor, SKPaint> paints = [];

    public ReportTheme Theme { get; } = theme;

    public SKFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue((style.Face, style.Size), out var font))
        {
            // Linear metrics: widths independent of any device resolution, as a PDF needs.
            font = new SKFont(ReportFonts.Typeface(style.Face), style.Size)
            {
                LinearMetrics = true,
                Subpixel = true,
                Hinting = SKFontHinting.None,
            };
            fonts[(style.Face, style.Size)] = font;
        }

        return font;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!paints.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            paints[color] = paint;
        }

        return paint;
    }

    public float Measure(string text, TextStyle style) => Font(style).MeasureText(text);

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces, and inside a word only when it alone is too wide.</summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var font = Font(style);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = FittingPrefix(font, line, width);
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The text, shortened with an ellipsis if it is wider than <paramref name="width"/>.</summary>
    public string Ellipsize(string text, TextStyle style, float width)
    {
        var font = Font(style);
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var fit = FittingPrefix(font, text + "…", width - font.MeasureText("…"));
        return text[..Math.Min(fit, text.Length)].TrimEnd() + "…";
    }

    /// <summary>Draws one line whose box starts at <paramref name="top"/>; x is the left, centre or right edge by alignment.</summary>
    public void DrawLine(SKCanvas canvas, string text, TextStyle style, float x, float top, TextAlign align = TextAlign.Left)
    {
        if (text.Length == 0)
        {
            return;
        }

        var font = Font(style);
        var width = font.MeasureText(text);
        var left = align switch
        {
            TextAlign.Right => x - width,
            TextAlign.Center => x - width / 2,
            _ => x,
        };
        canvas.DrawText(text, left, Baseline(style, top), SKTextAlign.Left, font, Fill(style.Color));
    }

    /// <summary>The baseline of a line whose box (one line advance tall) starts at <paramref name="top"/>.</summary>
    public float Baseline(TextStyle style, float top)
    {
        var metrics = Font(style).Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        return top + (style.LineAdvance - glyphHeight) / 2 - metrics.Ascent;
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in paints.Values)
        {
            paint.Dispose();
        }
    }

    private static int FittingPrefix(SKFont font, string text, float width)
    {
        var low = 1;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (font.MeasureText(text.AsSpan(0, mid)) <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
