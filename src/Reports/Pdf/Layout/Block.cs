using SkiaSharp;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>A piece of a page: measured for a width, drawn into a box, and split across pages only where it allows.</summary>
internal abstract class Block
{
    /// <summary>A block that must share its page with the start of the next one (a heading, a chart's title).</summary>
    public virtual bool KeepWithNext => false;

    /// <summary>Space above this block when something precedes it on the page.</summary>
    public virtual float SpaceBefore(ReportTheme theme) => theme.BlockSpacing;

    public abstract float Measure(RenderContext context, float width);

    /// <summary>The least of this block that may start a page: all of it, unless it can split.</summary>
    public virtual float MinimumHeight(RenderContext context, float width) => Measure(context, width);

    /// <summary>
    /// Splits the block so that the first part fits in <paramref name="available"/> points; null when it
    /// cannot split there (the whole block then moves to the next page).
    /// </summary>
    public virtual BlockSplit? Split(RenderContext context, float width, float available) => null;

    public abstract void Draw(RenderContext context, SKCanvas canvas, SKRect box);
}

internal sealed record BlockSplit(Block Head, Block Tail);

/// <summary>Starts a new page.</summary>
internal sealed class PageBreakBlock : Block
{
    public override float SpaceBefore(ReportTheme theme) => 0;

    public override float Measure(RenderContext context, float width) => 0;

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
    }
}

/// <summary>Empty vertical space.</summary>
internal sealed class SpacerBlock(float height) : Block
{
    public override float SpaceBefore(ReportTheme theme) => 0;

    public override float Measure(RenderContext context, float width) => height;

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
    }
}
