using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Pdf;

/// <summary>Content flowing down the page, one block under the other (the fluent side of the document layer).</summary>
internal sealed class ColumnDescriptor(ReportTheme theme)
{
    private readonly List<Block> blocks = [];

    internal ReportTheme Theme { get; } = theme;

    internal IReadOnlyList<Block> Blocks => blocks;

    /// <summary>The report's title at the top of its first page, with a subtitle such as the period and time zone.</summary>
    public ColumnDescriptor Title(string title, string? subtitle = null)
    {
        blocks.Add(new TitleBlock(title, subtitle));
        return this;
    }

    /// <summary>A heading: level 1 for a section, 2 for a part of one. Never left alone at the bottom of a page.</summary>
    public ColumnDescriptor Heading(string text, int level = 1)
    {
        blocks.Add(new TextBlock(text, level <= 1 ? Theme.Heading1 : Theme.Heading2, TextRole.Heading));
        return this;
    }

    public ColumnDescriptor Paragraph(string text) => Text(text, Theme.Body);

    /// <summary>A paragraph that introduces the block after it and moves to the next page with it rather than stay behind.</summary>
    public ColumnDescriptor Lead(string text)
    {
        blocks.Add(new TextBlock(text, Theme.Body, TextRole.Lead));
        return this;
    }

    /// <summary>A small muted note, e.g. how a figure is computed.</summary>
    public ColumnDescriptor Note(string text) => Text(text, Theme.Note);

    public ColumnDescriptor Text(string text, TextStyle style, TextAlign align = TextAlign.Left)
    {
        blocks.Add(new TextBlock(text, style, TextRole.Paragraph, align));
        return this;
    }

    /// <summary>Says plainly that a section has nothing to show, instead of an empty chart or table.</summary>
    public ColumnDescriptor NoData(string message)
    {
        blocks.Add(new NoticeBlock(message));
        return this;
    }

    public ColumnDescriptor KpiTile(KpiTile tile)
    {
        blocks.Add(new KpiTileBlock(tile));
        return this;
    }

    /// <summary>Tiles in rows of <paramref name="perRow"/>, equal widths, each row as tall as its tallest tile.</summary>
    public ColumnDescriptor KpiTiles(IEnumerable<KpiTile> tiles, int perRow = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        foreach (var chunk in tiles.Chunk(perRow))
        {
            Row(row =>
            {
                foreach (var tile in chunk)
                {
                    row.RelativeItem(1, item => item.KpiTile(tile));
                }

                for (var empty = chunk.Length; empty < perRow; empty++)
                {
                    row.RelativeItem(1, _ => { });
                }
            }, Theme.TileGap);
        }

        return this;
    }

    /// <summary>A chart as wide as this column, <paramref name="height"/> points tall (default: the theme's aspect ratio).</summary>
    public ColumnDescriptor Chart(Figure figure, float? height = null)
    {
        blocks.Add(new ChartBlock(figure, height));
        return this;
    }

    public ColumnDescriptor Table(Action<TableDescriptor> compose)
    {
        var table = new TableDescriptor();
        compose(table);
        blocks.Add(table.Build());
        return this;
    }

    public ColumnDescriptor Row(Action<RowDescriptor> compose) => Row(compose, Theme.RowGap);

    public ColumnDescriptor Section(IReportSection section)
    {
        section.Compose(this);
        return this;
    }

    public ColumnDescriptor Spacer(float height)
    {
        blocks.Add(new SpacerBlock(height));
        return this;
    }

    public ColumnDescriptor PageBreak()
    {
        blocks.Add(new PageBreakBlock());
        return this;
    }

    private ColumnDescriptor Row(Action<RowDescriptor> compose, float gap)
    {
        var row = new RowDescriptor(Theme);
        compose(row);
        blocks.Add(new RowBlock(row.Items, gap));
        return this;
    }
}

/// <summary>Items side by side; each item is a column of its own.</summary>
internal sealed class RowDescriptor(ReportTheme theme)
{
    private readonly List<RowItem> items = [];

    internal IReadOnlyList<RowItem> Items => items;

    public RowDescriptor RelativeItem(float weight, Action<ColumnDescriptor> compose) => Add(weight, false, compose);

    public RowDescriptor ConstantItem(float width, Action<ColumnDescriptor> compose) => Add(width, true, compose);

    private RowDescriptor Add(float size, bool constant, Action<ColumnDescriptor> compose)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var column = new ColumnDescriptor(theme);
        compose(column);
        items.Add(new RowItem(size, constant, new StackBlock(column.Blocks)));
        return this;
    }
}

/// <summary>Columns, then rows of cells; the table splits between rows and repeats its header on each page.</summary>
internal sealed class TableDescriptor
{
    private readonly List<TableColumn> columns = [];
    private readonly List<IReadOnlyList<TableCell>> rows = [];

    public TableDescriptor Column(string header, float weight = 1, TextAlign align = TextAlign.Left)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        columns.Add(new TableColumn(header, weight, false, align));
        return this;
    }

    public TableDescriptor ConstantColumn(string header, float width, TextAlign align = TextAlign.Left)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        columns.Add(new TableColumn(header, width, true, align));
        return this;
    }

    public TableDescriptor Row(params TableCell[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public TableDescriptor Rows<T>(IEnumerable<T> items, Func<T, TableCell[]> cells)
    {
        foreach (var item in items)
        {
            rows.Add(cells(item));
        }

        return this;
    }

    internal TableBlock Build() => new(columns.ToList(), rows.ToList());
}
