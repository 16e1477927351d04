using SkiaSharp;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Pdf;

/// <summary>The template of every page: header with title, period and time zone; footer with generation time and "Page x of y".</summary>
internal static class PageFrame
{
    public static void Draw(RenderContext context, SKCanvas canvas, SKSize page, DocumentInfo info, string generated, int number, int count)
    {
        var theme = context.Theme;
        var left = theme.MarginX;
        var right = page.Width - theme.MarginX;
        using var rule = new SKPaint { Color = theme.Rule, StrokeWidth = theme.RuleWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };

        var meta = $"{info.Period} · times in {info.Zone.Id}";
        var metaWidth = context.Measure(meta, theme.PageHeaderMeta);
        var headerTop = theme.MarginTop;
        var title = context.Ellipsize(info.Title, theme.PageHeaderTitle, right - left - metaWidth - theme.TileGap);
        context.DrawLine(canvas, title, theme.PageHeaderTitle, left, headerTop);
        context.DrawLine(canvas, meta, theme.PageHeaderMeta, right, headerTop + (theme.PageHeaderTitle.LineAdvance - theme.PageHeaderMeta.LineAdvance) / 2, TextAlign.Right);
        var headerRule = headerTop + theme.PageHeaderTitle.LineAdvance + theme.CellPaddingY;
        canvas.DrawLine(left, headerRule, right, headerRule, rule);

        var footerTop = page.Height - theme.MarginBottom - theme.PageFooter.LineAdvance;
        var footerRule = footerTop - theme.CellPaddingY;
        canvas.DrawLine(left, footerRule, right, footerRule, rule);
        context.DrawLine(canvas, $"Generated {generated} by SupportLens", theme.PageFooter, left, footerTop);
        context.DrawLine(canvas, $"Page {number} of {count}", theme.PageFooter, right, footerTop, TextAlign.Right);
    }
}
