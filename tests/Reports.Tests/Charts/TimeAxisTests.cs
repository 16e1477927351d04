using SkiaSharp;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Tests.Charts;

public sealed class TimeAxisTests
{
    private static readonly ReportTheme Theme = ReportTheme.Default;

    [Theory]
    [InlineData(1, 150)]
    [InlineData(1, 600)]
    [InlineData(14, 200)]
    [InlineData(31, 500)]
    [InlineData(90, 300)]
    [InlineData(365, 250)]
    [InlineData(365, 700)]
    [InlineData(5 * 365, 400)]
    public void Tick_labels_never_touch(int days, float width)
    {
        var first = new DateTime(2026, 1, 1);
        var ticks = TimeAxis.Choose(first, first.AddDays(days), width, Theme);
        using var font = new SKFont(ReportFonts.Typeface(FontFace.Regular), Theme.ChartTickSize);
        var pointsPerDay = width / days;

        Assert.NotEmpty(ticks);
        for (var i = 1; i < ticks.Count; i++)
        {
            var gap = (ticks[i].At - ticks[i - 1].At).TotalDays * pointsPerDay;
            var needed = (font.MeasureText(ticks[i].Label) + font.MeasureText(ticks[i - 1].Label)) / 2;
            Assert.True(gap > needed, $"'{ticks[i - 1].Label}' and '{ticks[i].Label}' are {gap:0.#} pt apart, need {needed:0.#}");
        }
    }

    [Fact]
    public void Steps_are_calendar_steps_named_the_way_people_read_them()
    {
        var month = TimeAxis.Choose(new DateTime(2026, 11, 1), new DateTime(2026, 11, 30), 500, Theme);
        var year = TimeAxis.Choose(new DateTime(2025, 12, 1), new DateTime(2026, 11, 30), 700, Theme);
        var day = TimeAxis.Choose(new DateTime(2026, 11, 3), new DateTime(2026, 11, 4), 500, Theme);

        // Thirty days in 500 pt leave too little room for daily labels: weekly, on Mondays.
        Assert.Equal("Nov 2", month[0].Label);
        Assert.All(month, t => Assert.Equal((DayOfWeek.Monday, TimeSpan.Zero), (t.At.DayOfWeek, t.At.TimeOfDay)));
        Assert.Equal(["Dec 2025", "Jan 2026", "Feb"], year.Take(3).Select(t => t.Label));
        Assert.Equal("Nov 3", day[0].Label);
        Assert.Contains(day, t => t.Label == "12:00");
    }
}

public sealed class PaletteTests
{
    private static readonly ReportTheme Theme = ReportTheme.Default;

    [Fact]
    public void Series_colours_stay_apart_when_printed_in_grey()
    {
        var lightness = Theme.SeriesColors.Select(Lightness).Order().ToList();

        for (var i = 1; i < lightness.Count; i++)
        {
            Assert.True(lightness[i] - lightness[i - 1] >= 12, $"L* {lightness[i - 1]:0} and {lightness[i]:0} are too close to tell apart in grey");
        }
    }

    [Fact]
    public void The_heat_scale_darkens_monotonically_so_it_reads_in_grey()
    {
        var lightness = Theme.HeatScale.Select(Lightness).ToList();

        Assert.True(lightness.Zip(lightness.Skip(1)).All(p => p.First > p.Second + 10), string.Join(", ", lightness.Select(l => l.ToString("0"))));
    }

    [Fact]
    public void Status_fills_differ_and_their_text_is_readable_on_them()
    {
        StatusColors[] statuses = [Theme.Met, Theme.Missed, Theme.NotMeasured, Theme.NoTarget];

        Assert.Equal(statuses.Length, statuses.Select(s => s.Fill).Distinct().Count());
        // WCAG AA for small text: contrast at least 4.5 between the status word and its tile.
        Assert.All(statuses, s => Assert.True(Contrast(s.Accent, s.Fill) >= 4.5, $"{s.Accent} on {s.Fill}: {Contrast(s.Accent, s.Fill):0.0}"));
        Assert.True(Contrast(Theme.Ink, Theme.ZebraFill) >= 7);
    }

    /// <summary>CIE L* of an sRGB colour (0 black .. 100 white).</summary>
    private static double Lightness(SKColor c)
    {
        var y = Luminance(c);
        return y > 0.008856 ? 116 * Math.Cbrt(y) - 16 : 903.3 * y;
    }

    private static double Luminance(SKColor c) => 0.2126 * Linear(c.Red) + 0.7152 * Linear(c.Green) + 0.0722 * Linear(c.Blue);

    private static double Linear(byte channel)
    {
        var v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static double Contrast(SKColor a, SKColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
