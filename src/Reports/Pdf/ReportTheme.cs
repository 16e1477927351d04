using SkiaSharp;

namespace SupportLens.Reports.Pdf;

/// <summary>Status colours of a KPI tile or a table cell: a light fill and a strong accent for bars and text.</summary>
internal sealed record StatusColors(SKColor Fill, SKColor Accent);

/// <summary>
/// Every measure, colour and text style of a report and its charts. Sections and figures take their look from
/// here and never carry literals, so one change restyles every report and dashboard chart alike.
/// </summary>
/// <remarks>
/// Colours: the chart series palette steps in lightness (CIE L* 13, 38, 54, 71, 85) so series stay apart
/// when printed in grey, and its hues (navy, blue, vermillion, amber, sky) follow the Okabe–Ito set that
/// stays distinct for the common colour-vision deficiencies. Status is never told by colour alone: tiles
/// also print "Met", "Missed" or "Not measured".
/// </remarks>
internal sealed record ReportTheme
{
    private static readonly SKColor InkColor = SKColor.Parse("#1F2933");
    private static readonly SKColor MutedColor = SKColor.Parse("#56606C");
    private static readonly SKColor NavyColor = SKColor.Parse("#14213D");

    public static ReportTheme Default { get; } = new();

    // Page: US Letter in points (the support plan's organisation is in New York).
    public SKSize PageSize { get; init; } = new(612, 792);
    public float MarginX { get; init; } = 50;
    public float MarginTop { get; init; } = 34;
    public float MarginBottom { get; init; } = 30;
    public float HeaderHeight { get; init; } = 34;
    public float FooterHeight { get; init; } = 24;
    public float RuleWidth { get; init; } = 0.6f;

    // Spacing between and inside blocks.
    public float BlockSpacing { get; init; } = 10;
    public float HeadingSpaceBefore { get; init; } = 16;
    public float TitleSpaceAfter { get; init; } = 6;
    public float RowGap { get; init; } = 12;
    public float TileGap { get; init; } = 10;
    public float TilePadding { get; init; } = 8;
    public float TileAccentWidth { get; init; } = 4;
    public float TileSparklineHeight { get; init; } = 20;
    public float CellPaddingX { get; init; } = 5;
    public float CellPaddingY { get; init; } = 3;
    public float NoticePadding { get; init; } = 9;
    public float ChartTitleGap { get; init; } = 3;
    public float ChartAspect { get; init; } = 0.42f;
    public int MinimumLinesAtPageEdge { get; init; } = 2;

    // Ink and surfaces.
    public SKColor Ink { get; init; } = InkColor;
    public SKColor MutedInk { get; init; } = MutedColor;
    public SKColor Rule { get; init; } = SKColor.Parse("#C5CCD4");
    public SKColor TableHeaderFill { get; init; } = SKColor.Parse("#E4E9EF");
    public SKColor ZebraFill { get; init; } = SKColor.Parse("#F5F7F9");
    public SKColor NoticeFill { get; init; } = SKColor.Parse("#F1F3F5");
    public SKColor NoticeAccent { get; init; } = SKColor.Parse("#7A8594");

    // Status: met, missed, not measured, and a figure shown without a target.
    public StatusColors Met { get; init; } = new(SKColor.Parse("#E3F1EA"), SKColor.Parse("#0B7A53"));
    public StatusColors Missed { get; init; } = new(SKColor.Parse("#FBE6DB"), SKColor.Parse("#A33C0A"));
    public StatusColors NotMeasured { get; init; } = new(SKColor.Parse("#EDEFF2"), SKColor.Parse("#5B6270"));
    public StatusColors NoTarget { get; init; } = new(SKColor.Parse("#EAF1F7"), SKColor.Parse("#2B5C8A"));

    // Text.
    public TextStyle Title { get; init; } = new(19, FontFace.Bold, InkColor, 1.2f);
    public TextStyle Subtitle { get; init; } = new(10, FontFace.Regular, MutedColor);
    public TextStyle Heading1 { get; init; } = new(13.5f, FontFace.Bold, NavyColor, 1.25f);
    public TextStyle Heading2 { get; init; } = new(10.5f, FontFace.Bold, InkColor, 1.25f);
    public TextStyle Body { get; init; } = new(9.5f, FontFace.Regular, InkColor, 1.35f);
    public TextStyle Note { get; init; } = new(8, FontFace.Regular, MutedColor);
    public TextStyle TableHeader { get; init; } = new(8, FontFace.Bold, InkColor, 1.25f);
    public TextStyle TableCell { get; init; } = new(8, FontFace.Regular, InkColor, 1.25f);
    public TextStyle KpiLabel { get; init; } = new(7.5f, FontFace.Bold, MutedColor, 1.25f);
    public TextStyle KpiValue { get; init; } = new(18, FontFace.Bold, InkColor, 1.15f);
    public TextStyle KpiDetail { get; init; } = new(7.5f, FontFace.Regular, InkColor, 1.3f);
    public TextStyle PageHeaderTitle { get; init; } = new(9, FontFace.Bold, NavyColor);
    public TextStyle PageHeaderMeta { get; init; } = new(8, FontFace.Regular, MutedColor);
    public TextStyle PageFooter { get; init; } = new(7.5f, FontFace.Regular, MutedColor);
    public TextStyle ChartTitle { get; init; } = new(9, FontFace.Bold, InkColor, 1.25f);

    // Charts.
    public IReadOnlyList<SKColor> SeriesColors { get; init; } =
        [NavyColor, SKColor.Parse("#2B5C8A"), SKColor.Parse("#D55E00"), SKColor.Parse("#E69F00"), SKColor.Parse("#A6D8F5")];
    public SKColor TargetLine { get; init; } = SKColor.Parse("#3A3A3A");
    public float TargetLineWidth { get; init; } = 1.4f;
    public SKColor TargetHalo { get; init; } = SKColor.Parse("#E6FFFFFF");
    public float TargetHaloWidth { get; init; } = 2.4f;
    public float SeriesLineWidth { get; init; } = 1.6f;
    public byte Band80Alpha { get; init; } = 92;
    public byte Band95Alpha { get; init; } = 44;
    public SKColor ChartAxis { get; init; } = SKColor.Parse("#7D8793");
    public SKColor ChartGrid { get; init; } = SKColor.Parse("#E4E8ED");
    public SKColor ChartText { get; init; } = SKColor.Parse("#38414C");
    public float ChartTickSize { get; init; } = 7.5f;
    public float ChartAxisLabelSize { get; init; } = 8;
    public float ChartLegendSize { get; init; } = 7.5f;
    public float ChartValueLabelSize { get; init; } = 7;
    /// <summary>Dashboard SVGs are drawn at this many pixels per point, so 7.5 pt chart text reads as 12 px on screen.</summary>
    public float SvgScale { get; init; } = 1.6f;
    public SKColor ChartNoData { get; init; } = SKColor.Parse("#DADDE2");
    public SKColor ChartCellBorder { get; init; } = SKColor.Parse("#FFFFFF");
    /// <summary>Qualitative ranges behind a bullet, worst first: darker is worse, as in Few's bullet graph.</summary>
    public IReadOnlyList<SKColor> BulletRanges { get; init; } =
        [SKColor.Parse("#C9CFD6"), SKColor.Parse("#DCE0E5"), SKColor.Parse("#EDEFF2")];
    /// <summary>Sequential scale for heatmaps, light to dark with L* falling monotonically (97, 77, 44, 13).</summary>
    public IReadOnlyList<SKColor> HeatScale { get; init; } =
        [SKColor.Parse("#F4F8FB"), SKColor.Parse("#9CC3E0"), SKColor.Parse("#2C6DA3"), NavyColor];

    public SKColor SeriesColor(int index) => SeriesColors[index % SeriesColors.Count];

    public SKSize PageSizeFor(PageOrientation orientation) => orientation == PageOrientation.Landscape
        ? new SKSize(PageSize.Height, PageSize.Width)
        : PageSize;

    /// <summary>Where a page's flowing content goes, below the header and above the footer.</summary>
    public SKRect ContentArea(PageOrientation orientation)
    {
        var size = PageSizeFor(orientation);
        return new SKRect(
            MarginX,
            MarginTop + HeaderHeight,
            size.Width - MarginX,
            size.Height - MarginBottom - FooterHeight);
    }
}

internal enum PageOrientation
{
    Portrait,
    Landscape,
}
