using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Tests.Charts;

public sealed class BarChartTests
{
    private static BarChartData Channels(bool horizontal = false) => new(
        "Tickets by channel",
        "Tickets",
        ValueFormat.Count,
        [
            new CategorySeries("Email", [new("Oct", 400), new("Nov", 450)]),
            new CategorySeries("Chat", [new("Oct", 300), new("Nov", null)]),
        ],
        new TargetLine(800, "Capacity"),
        horizontal);

    [Fact]
    public void Stacked_bars_sit_on_each_other_in_the_svg()
    {
        var svg = SvgReader.Parse(new StackedBarChart(Channels()).ToSvg(640, 320));
        var targets = SvgReader.ValueTargets(svg);

        // Three measured values; Chat in November is not measured and has no bar.
        Assert.Equal(3, targets.Count);
        var emailOct = targets.Single(t => SvgReader.Title(t) == "Email · Oct: 400");
        var chatOct = targets.Single(t => SvgReader.Title(t) == "Chat · Oct: 300");
        // Chat's bar starts where Email's ends (SVG y grows downwards).
        Assert.Equal(SvgReader.Number(emailOct, "y"), SvgReader.Number(chatOct, "y") + SvgReader.Number(chatOct, "height"), 1);
        Assert.Equal(SvgReader.Number(emailOct, "x"), SvgReader.Number(chatOct, "x"), 1);
        // 400 is taller than 300 by a third.
        Assert.Equal(4.0 / 3.0, SvgReader.Number(emailOct, "height") / SvgReader.Number(chatOct, "height"), 2);
    }

    [Fact]
    public void A_series_with_its_own_colour_is_drawn_in_it_and_the_others_keep_the_palette()
    {
        var chart = new StackedBarChart(new BarChartData("Clients by band", "Clients", ValueFormat.Count,
        [
            new CategorySeries("green", [new("starter", 14), new("business", 7)], SkiaSharp.SKColor.Parse("#0B7A53")),
            new CategorySeries("other", [new("starter", 2), new("business", 1)]),
        ]));
        var svg = chart.ToSvg(640, 320).ToUpperInvariant();
        Assert.Contains("#0B7A53", svg);
        // The uncoloured series keeps the palette's colour of its place (the second), as before.
        var second = new SupportLens.Reports.Pdf.ReportTheme().SeriesColor(1);
        Assert.Contains($"#{second.Red:X2}{second.Green:X2}{second.Blue:X2}", svg);
    }

    [Fact]
    public void Grouped_bars_stand_side_by_side()
    {
        var targets = SvgReader.ValueTargets(SvgReader.Parse(new BarChart(Channels()).ToSvg(640, 320)));

        var emailOct = targets.Single(t => SvgReader.Title(t) == "Email · Oct: 400");
        var chatOct = targets.Single(t => SvgReader.Title(t) == "Chat · Oct: 300");
        Assert.True(SvgReader.Number(chatOct, "x") >= SvgReader.Number(emailOct, "x") + SvgReader.Number(emailOct, "width") - 0.5);
        Assert.Equal(SvgReader.Number(emailOct, "y") + SvgReader.Number(emailOct, "height"), SvgReader.Number(chatOct, "y") + SvgReader.Number(chatOct, "height"), 1);
    }

    [Fact]
    public void Horizontal_bars_grow_to_the_right()
    {
        var targets = SvgReader.ValueTargets(SvgReader.Parse(new BarChart(Channels(horizontal: true)).ToSvg(640, 320)));

        var emailOct = targets.Single(t => SvgReader.Title(t) == "Email · Oct: 400");
        var chatOct = targets.Single(t => SvgReader.Title(t) == "Chat · Oct: 300");
        Assert.Equal(4.0 / 3.0, SvgReader.Number(emailOct, "width") / SvgReader.Number(chatOct, "width"), 2);
    }

    [Fact]
    public void Csv_keeps_unmeasured_values_empty_the_target_alongside_and_labels_safe()
    {
        var chart = new BarChart(new BarChartData("Clients", "Tickets", ValueFormat.Count,
            [new CategorySeries("Tickets", [new("Acme, Inc.", 12), new("=cmd()", 3), new("Quote \"Q\"", null)])],
            new TargetLine(10, "Ten")));

        var lines = chart.ToCsv().Split("\r\n");

        Assert.Equal("series,label,value,target", lines[0]);
        Assert.Equal("Tickets,\"Acme, Inc.\",12,10", lines[1]);
        Assert.Equal("Tickets,'=cmd(),3,10", lines[2]);
        Assert.Equal("Tickets,\"Quote \"\"Q\"\"\",,10", lines[3]);
    }
}
