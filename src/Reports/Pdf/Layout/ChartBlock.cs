using SkiaSharp;
using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>A figure under its title, as wide as its column; its height is given, or follows the theme's aspect ratio.</summary>
/// <remarks>The title is set as text of the page (not inside the plot) so it wraps, reads back from the PDF, and matches the headings.</remarks>
internal sealed class ChartBlock(Figure figure, float? height) : Block
{
    public override float Measure(RenderContext context, float width) =>
        TitleHeight(context, width) + context.Theme.ChartTitleGap + PlotHeight(context.Theme, width);

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var theme = context.Theme;
        var top = box.Top;
        foreach (var line in context.Wrap(figure.Title, theme.ChartTitle, box.Width))
        {
            context.DrawLine(canvas, line, theme.ChartTitle, box.Left, top);
            top += theme.ChartTitle.LineAdvance;
        }

        top += theme.ChartTitleGap;
        figure.Draw(canvas, new SKRect(box.Left, top, box.Right, box.Bottom), theme);
    }

    private float TitleHeight(RenderContext context, float width) =>
        context.Wrap(figure.Title, context.Theme.ChartTitle, width).Count * context.Theme.ChartTitle.LineAdvance;

    private float PlotHeight(ReportTheme theme, float width) => height ?? width * figure.PreferredAspect(theme);
}

/// <summary>A tinted box with a message, e.g. that a section has no data for the period.</summary>
internal sealed class NoticeBlock(string text) : Block
{
    public override float Measure(RenderContext context, float width)
    {
        var theme = context.Theme;
        return 2 * theme.NoticePadding + context.Wrap(text, theme.Body, Inner(theme, width)).Count * theme.Body.LineAdvance;
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var theme = context.Theme;
        canvas.DrawRect(box, context.Fill(theme.NoticeFill));
        canvas.DrawRect(new SKRect(box.Left, box.Top, box.Left + theme.TileAccentWidth, box.Bottom), context.Fill(theme.NoticeAccent));
        var top = box.Top + theme.NoticePadding;
        foreach (var line in context.Wrap(text, theme.Body, Inner(theme, box.Width)))
        {
            context.DrawLine(canvas, line, theme.Body, box.Left + theme.TileAccentWidth + theme.NoticePadding, top);
            top += theme.Body.LineAdvance;
        }
    }

    private static float Inner(ReportTheme theme, float width) => width - theme.TileAccentWidth - 2 * theme.NoticePadding;
}
