namespace SupportLens.Reports.Pdf.Layout;

/// <summary>A block placed on a page: its offset from the top of the content area and its height.</summary>
internal sealed record Placement(Block Block, float Top, float Height);

/// <summary>
/// Flows blocks down pages of one size. A block that does not fit moves whole to the next page unless it can
/// split (tables between rows, paragraphs between lines); a heading moves with the start of what follows it.
/// </summary>
internal static class Paginator
{
    public static List<List<Placement>> Paginate(RenderContext context, IReadOnlyList<Block> blocks, float width, float pageHeight)
    {
        var theme = context.Theme;
        var pages = new List<List<Placement>>();
        var page = new List<Placement>();
        var y = 0f;
        var queue = new LinkedList<Block>(blocks);

        void NewPage()
        {
            pages.Add(page);
            page = [];
            y = 0;
        }

        while (queue.First is { } node)
        {
            var block = node.Value;
            queue.RemoveFirst();
            if (block is PageBreakBlock)
            {
                if (page.Count > 0)
                {
                    NewPage();
                }

                continue;
            }

            var gap = page.Count == 0 ? 0 : block.SpaceBefore(theme);
            var height = block.Measure(context, width);
            var needed = height + KeptFollowers(context, block, queue.First, width);
            if (y + gap + needed <= pageHeight)
            {
                page.Add(new Placement(block, y + gap, height));
                y += gap + height;
                continue;
            }

            if (block.Split(context, width, pageHeight - y - gap) is { } split)
            {
                var headHeight = split.Head.Measure(context, width);
                page.Add(new Placement(split.Head, y + gap, headHeight));
                queue.AddFirst(split.Tail);
                NewPage();
                continue;
            }

            if (page.Count > 0)
            {
                queue.AddFirst(block);
                NewPage();
                continue;
            }

            // Alone on a fresh page and still too tall (with what it keeps with): place what fits best.
            if (height > pageHeight)
            {
                throw new InvalidOperationException(
                    $"a {block.GetType().Name} is {height:0.#} pt tall, more than a page's {pageHeight:0.#} pt of content, and cannot split");
            }

            page.Add(new Placement(block, 0, height));
            y = height;
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>Height that must share the page with a keep-with-next block: the following chain, ending in the least of the first block that does not keep.</summary>
    private static float KeptFollowers(RenderContext context, Block block, LinkedListNode<Block>? next, float width)
    {
        var extra = 0f;
        var current = block;
        while (current.KeepWithNext && next is not null && next.Value is not PageBreakBlock)
        {
            var follower = next.Value;
            extra += follower.SpaceBefore(context.Theme)
                + (follower.KeepWithNext ? follower.Measure(context, width) : follower.MinimumHeight(context, width));
            current = follower;
            next = next.Next;
        }

        return extra;
    }
}
