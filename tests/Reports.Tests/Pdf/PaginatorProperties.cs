using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SupportLens.Reports.Pdf;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Tests.Pdf;

/// <summary>A flow of blocks as the property tests generate it: paragraphs, headings, tables, atomic blocks, page breaks.</summary>
public sealed record Flow(IReadOnlyList<FlowItem> Items, bool Landscape)
{
    public override string ToString() => (Landscape ? "landscape: " : "portrait: ") + string.Join(", ", Items);
}

public sealed record FlowItem(string Kind, int Size)
{
    public override string ToString() => $"{Kind}({Size})";
}

public static class Flows
{
    public static Arbitrary<Flow> Generate() => Arb.From(
        from count in Gen.Choose(1, 25)
        from items in Gen.ListOf(Item(), count)
        from landscape in Gen.Elements(false, true)
        select new Flow(items.ToList(), landscape));

    private static Gen<FlowItem> Item() => Gen.OneOf(
        Gen.Choose(1, 400).Select(n => new FlowItem("paragraph", n)),
        Gen.Choose(1, 2).Select(n => new FlowItem("heading", n)),
        Gen.Choose(0, 90).Select(n => new FlowItem("table", n)),
        Gen.Choose(10, 480).Select(n => new FlowItem("atomic", n)),
        Gen.Constant(new FlowItem("break", 0)));
}

/// <summary>Laws of pagination over random flows. Seeded: reproducible.</summary>
[Properties(Arbitrary = new[] { typeof(Flows) }, MaxTest = 200, Replay = "20261201,4243")]
public sealed class PaginatorProperties
{
    private static readonly ReportTheme Theme = ReportTheme.Default;

    [Property]
    public void Every_block_lies_inside_its_page_and_below_the_one_before(Flow flow)
    {
        var (pages, _, height) = Paginate(flow);

        foreach (var page in pages)
        {
            var bottom = 0f;
            foreach (var placement in page)
            {
                Assert.True(placement.Top >= bottom - 0.01f, $"{placement.Block.GetType().Name} at {placement.Top} overlaps the block above (ends {bottom})");
                Assert.True(placement.Top + placement.Height <= height + 0.01f, $"{placement.Block.GetType().Name} ends at {placement.Top + placement.Height}, page content ends at {height}");
                bottom = placement.Top + placement.Height;
            }
        }
    }

    [Property]
    public void Atomic_blocks_are_never_cut_and_nothing_is_lost(Flow flow)
    {
        var (pages, blocks, _) = Paginate(flow);
        var placed = pages.SelectMany(p => p).Select(p => p.Block).ToList();

        Assert.Equal(blocks.OfType<FixedBlock>(), placed.OfType<FixedBlock>());
        Assert.Equal(blocks.OfType<TableBlock>().Sum(t => t.RowCount), placed.OfType<TableBlock>().Sum(t => t.RowCount));
        using var context = new RenderContext(Theme);
        var width = Theme.ContentArea(flow.Landscape ? PageOrientation.Landscape : PageOrientation.Portrait).Width;
        Assert.Equal(
            blocks.OfType<TextBlock>().Sum(t => t.LineCount(context, width)),
            placed.OfType<TextBlock>().Sum(t => t.LineCount(context, width)));
    }

    [Property]
    public void Table_parts_keep_their_rows_in_order_and_at_least_one_row_each(Flow flow)
    {
        var (pages, _, _) = Paginate(flow);
        var parts = pages.SelectMany(p => p).Select(p => p.Block).OfType<TableBlock>().ToList();

        foreach (var part in parts.Where(p => p.FirstRowNumber > 0))
        {
            Assert.True(part.RowCount >= 1, "a continued table part without rows");
        }
    }

    [Property]
    public void No_page_but_the_last_ends_with_a_heading(Flow flow)
    {
        var (pages, blocks, _) = Paginate(flow);

        foreach (var page in pages.SkipLast(1).Where(p => p.Count > 0))
        {
            // A heading the author put right before a page break has nothing to keep with.
            var index = blocks.IndexOf(page[^1].Block);
            var beforeBreak = index >= 0 && (index == blocks.Count - 1 || blocks[index + 1] is PageBreakBlock);
            Assert.False(page[^1].Block.KeepWithNext && !beforeBreak, "a heading is orphaned at the bottom of a page");
        }
    }

    private static (List<List<Placement>> Pages, List<Block> Blocks, float Height) Paginate(Flow flow)
    {
        using var context = new RenderContext(Theme);
        var area = Theme.ContentArea(flow.Landscape ? PageOrientation.Landscape : PageOrientation.Portrait);
        var blocks = flow.Items.Select((item, i) => Build(item, i)).ToList();
        return (Paginator.Paginate(context, blocks, area.Width, area.Height), blocks, area.Height);
    }

    private static Block Build(FlowItem item, int index) => item.Kind switch
    {
        "paragraph" => new TextBlock(TestDocuments.Words(item.Size, seed: index), Theme.Body),
        "heading" => new TextBlock("Heading " + index, item.Size == 1 ? Theme.Heading1 : Theme.Heading2, TextRole.Heading),
        "table" => new TableBlock(
            [new TableColumn("Client", 3, false, TextAlign.Left), new TableColumn("Tickets", 1, false, TextAlign.Right)],
            Enumerable.Range(0, item.Size).Select(r => (IReadOnlyList<TableCell>)[new TableCell(r % 7 == 0 ? TestDocuments.Words(30, r) : $"Client {r}"), new TableCell(r.ToString(System.Globalization.CultureInfo.InvariantCulture))]).ToList()),
        "atomic" => new FixedBlock(item.Size),
        _ => new PageBreakBlock(),
    };
}
