using SkiaSharp;
using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>
/// A scorecard tile: label, value (or "–"), status word, target, change since the previous period, sparkline.
/// Its fill and accent bar follow the status; the status is also written out, so it reads without colour.
/// </summary>
internal sealed class KpiTileBlock(KpiTile tile) : Block
{
    public override float Measure(RenderContext context, float width)
    {
        var theme = context.Theme;
        var inner = InnerWidth(theme, width);
        var height = 2 * theme.TilePadding
            + context.Wrap(tile.Label, theme.KpiLabel, inner).Count * theme.KpiLabel.LineAdvance
            + theme.KpiValue.LineAdvance
            + DetailLineCount * theme.KpiDetail.LineAdvance;
        if (HasSparkline)
        {
            height += theme.TileSparklineHeight;
        }

        return height;
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var theme = context.Theme;
        var colors = Colors(theme, tile.Status);
        canvas.DrawRect(box, context.Fill(colors.Fill));
        canvas.DrawRect(new SKRect(box.Left, box.Top, box.Left + theme.TileAccentWidth, box.Bottom), context.Fill(colors.Accent));

        var left = box.Left + theme.TileAccentWidth + theme.TilePadding;
        var inner = InnerWidth(theme, box.Width);
        var top = box.Top + theme.TilePadding;
        foreach (var line in context.Wrap(tile.Label, theme.KpiLabel, inner))
        {
            context.DrawLine(canvas, line, theme.KpiLabel, left, top);
            top += theme.KpiLabel.LineAdvance;
        }

        var valueStyle = tile.Status == KpiStatus.NotMeasured ? theme.KpiValue.WithColor(theme.MutedInk) : theme.KpiValue;
        context.DrawLine(canvas, context.Ellipsize(tile.Shown, valueStyle, inner), valueStyle, left, top);
        top += theme.KpiValue.LineAdvance;

        foreach (var (text, style) in DetailLines(theme, colors))
        {
            context.DrawLine(canvas, context.Ellipsize(text, style, inner), style, left, top);
            top += style.LineAdvance;
        }

        if (HasSparkline)
        {
            var spark = new Sparkline(new SparklineData(tile.Label, tile.Trend!.Select((v, i) => new LabelledValue(TrendLabel(i), v)).ToList(), tile.Format));
            var area = new SKRect(left, top + 2, left + inner, Math.Min(box.Bottom - theme.TilePadding, top + theme.TileSparklineHeight));
            spark.Draw(canvas, area, theme);
        }
    }

    private bool HasSparkline => tile.Trend is { } trend && trend.Count(v => v is not null) >= 2;

    private int DetailLineCount => 1 + (tile.Target is null ? 0 : 1) + (tile.PreviousLabel is null ? 0 : 1);

    private IEnumerable<(string Text, TextStyle Style)> DetailLines(ReportTheme theme, StatusColors colors)
    {
        yield return (tile.StatusText, theme.KpiDetail.WithFace(FontFace.Bold).WithColor(colors.Accent));
        if (tile.Target is { } target)
        {
            yield return ("Target " + target.Describe(tile.Format), theme.KpiDetail.WithColor(theme.MutedInk));
        }

        if (tile.PreviousLabel is { } previousLabel)
        {
            yield return Change(theme, previousLabel);
        }
    }

    private (string Text, TextStyle Style) Change(ReportTheme theme, string previousLabel)
    {
        if (tile.Value is not { } value || tile.Previous is not { } previous)
        {
            return (ValueFormat.NotMeasured + " vs " + previousLabel, theme.KpiDetail.WithColor(theme.MutedInk));
        }

        var delta = value - previous;
        var shown = tile.Format.FormatDelta(delta);
        if (Math.Abs(delta) < 0.5 * Math.Pow(10, -tile.Format.Decimals))
        {
            return ("= no change vs " + previousLabel, theme.KpiDetail.WithColor(theme.MutedInk));
        }

        var arrow = delta > 0 ? "▲" : "▼";
        var better = tile.Target is { } target ? (delta > 0) == target.HigherIsBetter : (bool?)null;
        var color = better switch
        {
            true => theme.Met.Accent,
            false => theme.Missed.Accent,
            null => theme.Ink,
        };
        return (arrow + " " + shown + " vs " + previousLabel, theme.KpiDetail.WithColor(color));
    }

    private string TrendLabel(int index) => (index - tile.Trend!.Count + 1) switch
    {
        0 => "latest",
        var back => back.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static float InnerWidth(ReportTheme theme, float width) => width - theme.TileAccentWidth - 2 * theme.TilePadding;

    private static StatusColors Colors(ReportTheme theme, KpiStatus status) => status switch
    {
        KpiStatus.Met => theme.Met,
        KpiStatus.Missed => theme.Missed,
        KpiStatus.NotMeasured => theme.NotMeasured,
        _ => theme.NoTarget,
    };
}
