using SkiaSharp;

namespace SupportLens.Reports.Pdf.Layout;

/// <summary>A table that breaks between rows and repeats its header row at the top of every page it spans.</summary>
internal sealed class TableBlock : Block
{
    private readonly IReadOnlyList<TableColumn> columns;
    private readonly IReadOnlyList<IReadOnlyList<TableCell>> rows;
    private readonly int firstRowNumber;
    private float measuredWidth = float.NaN;
    private float[] widths = [];
    private float headerHeight;
    private float[] rowHeights = [];

    public TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows, int firstRowNumber = 0)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        }

        var wrong = rows.Select((row, i) => (row, i)).FirstOrDefault(r => r.row.Count != columns.Count);
        if (wrong.row is not null)
        {
            throw new ArgumentException(
                $"table row {firstRowNumber + wrong.i + 1} has {wrong.row.Count} cells for {columns.Count} columns", nameof(rows));
        }

        this.columns = columns;
        this.rows = rows;
        this.firstRowNumber = firstRowNumber;
    }

    /// <summary>Body rows in this part of the table.</summary>
    internal int RowCount => rows.Count;

    /// <summary>Index of this part's first row in the whole table.</summary>
    internal int FirstRowNumber => firstRowNumber;

    public override float Measure(RenderContext context, float width)
    {
        Layout(context, width);
        return headerHeight + rowHeights.Sum();
    }

    /// <summary>A table this short stays whole: split, it would leave a row or two alone under a repeated header.</summary>
    internal const int UnsplitRows = 6;

    /// <summary>Body rows a part of a split table keeps at least, at the foot of one page and the top of the next.</summary>
    internal const int RowsAtPageEdge = 3;

    public override float MinimumHeight(RenderContext context, float width)
    {
        Layout(context, width);
        return rows.Count <= UnsplitRows
            ? headerHeight + rowHeights.Sum()
            : headerHeight + rowHeights.Take(RowsAtPageEdge).Sum();
    }

    public override BlockSplit? Split(RenderContext context, float width, float available)
    {
        Layout(context, width);
        if (rows.Count <= UnsplitRows)
        {
            return null;
        }

        var used = headerHeight;
        var fit = 0;
        while (fit < rowHeights.Length && used + rowHeights[fit] <= available)
        {
            used += rowHeights[fit];
            fit++;
        }

        fit = Math.Min(fit, rows.Count - RowsAtPageEdge);
        if (fit < RowsAtPageEdge)
        {
            return null;
        }

        return new BlockSplit(
            new TableBlock(columns, rows.Take(fit).ToList(), firstRowNumber),
            new TableBlock(columns, rows.Skip(fit).ToList(), firstRowNumber + fit));
    }

    public override void Draw(RenderContext context, SKCanvas canvas, SKRect box)
    {
        Layout(context, box.Width);
        var theme = context.Theme;
        var top = box.Top;

        canvas.DrawRect(new SKRect(box.Left, top, box.Right, top + headerHeight), context.Fill(theme.TableHeaderFill));
        DrawCells(context, canvas, box.Left, top, columns.Select(c => new TableCell(c.Header)).ToList(), theme.TableHeader);
        top += headerHeight;

        for (var i = 0; i < rows.Count; i++)
        {
            if ((firstRowNumber + i) % 2 == 1)
            {
                canvas.DrawRect(new SKRect(box.Left, top, box.Right, top + rowHeights[i]), context.Fill(theme.ZebraFill));
            }

            DrawCells(context, canvas, box.Left, top, rows[i], theme.TableCell);
            top += rowHeights[i];
        }

        using var rule = new SKPaint { Color = theme.Rule, StrokeWidth = theme.RuleWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(box.Left, box.Top + headerHeight, box.Right, box.Top + headerHeight, rule);
        canvas.DrawLine(box.Left, top, box.Right, top, rule);
    }

    private void DrawCells(RenderContext context, SKCanvas canvas, float left, float top, IReadOnlyList<TableCell> cells, TextStyle baseStyle)
    {
        var theme = context.Theme;
        var x = left;
        for (var c = 0; c < columns.Count; c++)
        {
            var style = Styled(theme, baseStyle, cells[c].Tone);
            var inner = widths[c] - 2 * theme.CellPaddingX;
            var anchor = columns[c].Align switch
            {
                TextAlign.Right => x + widths[c] - theme.CellPaddingX,
                TextAlign.Center => x + widths[c] / 2,
                _ => x + theme.CellPaddingX,
            };
            var lineTop = top + theme.CellPaddingY;
            foreach (var line in context.Wrap(cells[c].Text, style, inner))
            {
                context.DrawLine(canvas, line, style, anchor, lineTop, columns[c].Align);
                lineTop += style.LineAdvance;
            }

            x += widths[c];
        }
    }

    private void Layout(RenderContext context, float width)
    {
        if (measuredWidth == width)
        {
            return;
        }

        var theme = context.Theme;
        var constant = columns.Where(c => c.IsConstant).Sum(c => c.Size);
        var relative = columns.Where(c => !c.IsConstant).Sum(c => c.Size);
        var free = Math.Max(0, width - constant);
        widths = columns.Select(c => c.IsConstant ? c.Size : relative > 0 ? free * c.Size / relative : 0).ToArray();

        headerHeight = RowHeight(context, columns.Select(c => new TableCell(c.Header)).ToList(), theme.TableHeader);
        rowHeights = rows.Select(r => RowHeight(context, r, theme.TableCell)).ToArray();
        measuredWidth = width;
    }

    private float RowHeight(RenderContext context, IReadOnlyList<TableCell> cells, TextStyle baseStyle)
    {
        var theme = context.Theme;
        var lines = 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var style = Styled(theme, baseStyle, cells[c].Tone);
            lines = Math.Max(lines, context.Wrap(cells[c].Text, style, widths[c] - 2 * theme.CellPaddingX).Count);
        }

        return lines * baseStyle.LineAdvance + 2 * theme.CellPaddingY;
    }

    private static TextStyle Styled(ReportTheme theme, TextStyle style, CellTone tone) => tone switch
    {
        CellTone.Emphasis => style.WithFace(FontFace.Bold),
        CellTone.Muted => style.WithColor(theme.MutedInk),
        CellTone.Met => style.WithColor(theme.Met.Accent).WithFace(FontFace.Bold),
        CellTone.Missed => style.WithColor(theme.Missed.Accent).WithFace(FontFace.Bold),
        _ => style,
    };
}
