using SkiaSharp;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>Blocks one above the other inside a row item; kept whole on one page. The last block takes any height left over, so tiles in one row end level.</summary>
internal sealed class StackBlock(IReadOnlyList<Block> children) : Block
{
    public override float Measure(RenderContext context, float width)
    {
        var height = 0f;
        for (var i = 0; i < children.Count; i++)
        {
            height += Gap(context, i) + children[i].Measure(context, width);
        }

        return height;
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var top = box.Top;
        for (var i = 0; i < children.Count; i++)
        {
            top += Gap(context, i);
            var height = i == children.Count - 1 ? box.Bottom - top : children[i].Measure(context, box.Width);
            children[i].Draw(context, canvas, new SKRect(box.Left, top, box.Right, top + height));
            top += height;
        }
    }

    private float Gap(RenderContext context, int index) => index == 0 ? 0 : children[index].SpaceBefore(context.Theme);
}

/// <summary>One item of a row: a relative weight or a constant width in points.</summary>
internal sealed record RowItem(float Size, bool IsConstant, Block Content);

/// <summary>Items side by side, as tall as the tallest; kept whole on one page.</summary>
internal sealed class RowBlock(IReadOnlyList<RowItem> items, float gap) : Block
{
    public override float Measure(RenderContext context, float width) =>
        items.Count == 0 ? 0 : Widths(width).Select((w, i) => items[i].Content.Measure(context, w)).Max();

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        var widths = Widths(box.Width);
        var left = box.Left;
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Content.Draw(context, canvas, new SKRect(left, box.Top, left + widths[i], box.Bottom));
            left += widths[i] + gap;
        }
    }

    private float[] Widths(float width)
    {
        var constant = items.Where(i => i.IsConstant).Sum(i => i.Size);
        var relative = items.Where(i => !i.IsConstant).Sum(i => i.Size);
        var free = Math.Max(0, width - constant - gap * Math.Max(0, items.Count - 1));
        return items.Select(i => i.IsConstant ? i.Size : relative > 0 ? free * i.Size / relative : 0).ToArray();
    }
}
