namespace SupportLens.Reports.Pdf;

/// <summary>How a cell reads: plain, emphasised, muted, or coloured by a met / missed target.</summary>
internal enum CellTone
{
    Normal,
    Emphasis,
    Muted,
    Met,
    Missed,
}

internal sealed record TableCell(string Text, CellTone Tone = CellTone.Normal)
{
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>A column: its header, a relative weight or a constant width in points, and its alignment.</summary>
internal sealed record TableColumn(string Header, float Size, bool IsConstant, TextAlign Align);
