using SkiaSharp;

namespace SupportLens.Reports.Pdf.Layout;

internal enum TextRole
{
    Paragraph,
    Heading,

    /// <summary>A paragraph that introduces what follows (a chart, a table) and stays on its page.</summary>
    Lead,
}

/// <summary>Text wrapped by measured width. Paragraphs split between lines (never leaving a lone line at a page edge); headings do not, and stay with what follows.</summary>
internal sealed class TextBlock : Block
{
    private readonly string text;
    private readonly TextStyle style;
    private readonly TextAlign align;
    private readonly TextRole role;
    private IReadOnlyList<string>? lines;
    private float linesWidth = float.NaN;

    public TextBlock(string text, TextStyle style, TextRole role = TextRole.Paragraph, TextAlign align = TextAlign.Left)
    {
        this.text = text;
        this.style = style;
        this.role = role;
        this.align = align;
    }

    private TextBlock(IReadOnlyList<string> lines, float width, TextStyle style, TextAlign align)
        : this(string.Join("\n", lines), style, TextRole.Paragraph, align)
    {
        this.lines = lines;
        linesWidth = width;
    }

    public override bool KeepWithNext => role != TextRole.Paragraph;

    internal int LineCount(RenderContext context, float width) => Lines(context, width).Count;

    public override float SpaceBefore(ReportTheme theme) => role == TextRole.Heading ? theme.HeadingSpaceBefore : theme.BlockSpacing;

    public override float Measure(RenderContext context, float width) => Lines(context, width).Count * style.LineAdvance;

    public override float MinimumHeight(RenderContext context, float width)
    {
        var count = Lines(context, width).Count;
        return role == TextRole.Paragraph
            ? Math.Min(count, context.Theme.MinimumLinesAtPageEdge) * style.LineAdvance
            : count * style.LineAdvance;
    }

    public override BlockSplit? Split(RenderContext context, float width, float available)
    {
        if (role != TextRole.Paragraph)
        {
            return null;
        }

        var all = Lines(context, width);
        var edge = context.Theme.MinimumLinesAtPageEdge;
        var fit = Math.Min((int)Math.Floor(available / style.LineAdvance), all.Count - edge);
        if (fit < edge)
        {
            return null;
        }

        return new BlockSplit(
            new TextBlock(all.Take(fit).ToList(), width, style, align),
            new TextBlock(all.Skip(fit).ToList(), width, style, align));
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var x = align switch
        {
            TextAlign.Right => box.Right,
            TextAlign.Center => box.MidX,
            _ => box.Left,
        };
        var top = box.Top;
        foreach (var line in Lines(context, box.Width))
        {
            context.DrawLine(canvas, line, style, x, top, align);
            top += style.LineAdvance;
        }
    }

    private IReadOnlyList<string> Lines(RenderContext context, float width)
    {
        if (lines is null || linesWidth != width)
        {
            lines = context.Wrap(text, style, width);
            linesWidth = width;
        }

        return lines;
    }
}

/// <summary>The report title with its subtitle (period, time zone), at the top of the first page.</summary>
internal sealed class TitleBlock(string title, string? subtitle) : Block
{
    public override bool KeepWithNext => true;

    public override float Measure(RenderContext context, float width)
    {
        var theme = context.Theme;
        var height = context.Wrap(title, theme.Title, width).Count * theme.Title.LineAdvance + theme.TitleSpaceAfter;
        return subtitle is null ? height : height + context.Wrap(subtitle, theme.Subtitle, width).Count * theme.Subtitle.LineAdvance;
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var theme = context.Theme;
        var top = box.Top;
        foreach (var line in context.Wrap(title, theme.Title, box.Width))
        {
            context.DrawLine(canvas, line, theme.Title, box.Left, top);
            top += theme.Title.LineAdvance;
        }

        foreach (var line in subtitle is null ? [] : context.Wrap(subtitle, theme.Subtitle, box.Width))
        {
            context.DrawLine(canvas, line, theme.Subtitle, box.Left, top);
            top += theme.Subtitle.LineAdvance;
        }
    }
}
