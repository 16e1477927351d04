using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Tests.Pdf;

public sealed class KpiTileTests
{
    [Theory]
    [InlineData("AtLeast", 95.0, 95.0, "Met")]
    [InlineData("AtLeast", 95.0, 94.9, "Missed")]
    [InlineData("Above", 60.0, 60.0, "Missed")]
    [InlineData("Above", 60.0, 61.0, "Met")]
    [InlineData("Below", 10.0, 10.0, "Missed")]
    [InlineData("Below", 10.0, 9.9, "Met")]
    [InlineData("AtMost", 500.0, 500.0, "Met")]
    [InlineData("AtMost", 500.0, 501.0, "Missed")]
    public void A_target_is_met_or_missed_by_its_comparison(string comparison, double threshold, double value, string expected) =>
        Assert.Equal(Enum.Parse<KpiStatus>(expected), new KpiTarget(Enum.Parse<Comparison>(comparison), threshold).Evaluate(value));

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    public void A_figure_without_data_is_not_measured_never_met(double? value)
    {
        // Even a target that any number would meet ("≤ ∞") is not met by no data.
        Assert.Equal(KpiStatus.NotMeasured, new KpiTarget(Comparison.AtMost, double.PositiveInfinity).Evaluate(value));
        Assert.Equal(KpiStatus.NotMeasured, new KpiTile("Reopen rate", value, ValueFormat.Percent).Status);
        Assert.Equal("–", ValueFormat.Percent.Format(value));
    }

    [Fact]
    public void A_figure_without_a_target_has_no_status_colour_of_met_or_missed()
    {
        var tile = new KpiTile("Tickets", 12_480, ValueFormat.Count);

        Assert.Equal(KpiStatus.NoTarget, tile.Status);
        Assert.Equal("No target", tile.StatusText);
    }

    [Fact]
    public void Tiles_print_value_status_target_and_change()
    {
        var (_, path) = TestDocuments.RenderToFile(d => d.Page(page => page.KpiTiles(
        [
            new KpiTile("CSAT", 93.4, ValueFormat.Percent, new KpiTarget(Comparison.AtLeast, 95), 94.1, "Oct"),
            new KpiTile("Reopen rate", null, ValueFormat.Percent, new KpiTarget(Comparison.Below, 5), 4.0, "Oct"),
            new KpiTile("NPS", 62, ValueFormat.Nps, new KpiTarget(Comparison.Above, 60), 58, "Oct"),
        ], perRow: 3)), "tiles");

        var text = PdfTools.PageTexts(path)[0];

        Assert.Contains("93.4 %", text);
        Assert.Contains("Missed", text);
        Assert.Contains("Target ≥ 95.0 %", text);
        // 93.4 − 94.1 = −0.7 points, a drop: worse, since higher is better.
        Assert.Contains("▼ −0.7 pts vs Oct", text);
        Assert.Contains("Not measured", text);
        Assert.Contains("– vs Oct", text);
        Assert.Contains("+62", text);
        Assert.Contains("▲ +4 vs Oct", text);
    }
}

public sealed class ValueFormatTests
{
    [Theory]
    [InlineData(96.44, "96.4 %")]
    [InlineData(96.45, "96.5 %")]
    [InlineData(100.0, "100.0 %")]
    [InlineData(-0.04, "0.0 %")]
    public void Percent(double value, string expected) => Assert.Equal(expected, ValueFormat.Percent.Format(value));

    [Fact]
    public void Counts_group_thousands_and_nps_is_signed_with_a_true_minus()
    {
        Assert.Equal("12,480", ValueFormat.Count.Format(12_480));
        Assert.Equal("+42", ValueFormat.Nps.Format(42));
        Assert.Equal("−12", ValueFormat.Nps.Format(-12));
        Assert.Equal("0", ValueFormat.Nps.Format(0));
    }

    [Fact]
    public void Deltas_carry_their_unit_and_ticks_drop_needless_decimals()
    {
        Assert.Equal("+1.2 pts", ValueFormat.Percent.FormatDelta(1.2));
        Assert.Equal("−0.7 pts", ValueFormat.Percent.FormatDelta(-0.7));
        Assert.Equal("95 %", ValueFormat.Percent.FormatTick(95));
        Assert.Equal("97.5 %", ValueFormat.Percent.FormatTick(97.5));
        Assert.Equal("10,000", ValueFormat.Count.FormatTick(10_000));
    }
}
