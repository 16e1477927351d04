using SupportLens.Analytics.Metrics;
using SupportLens.Web.Presentation;

namespace SupportLens.Web.Tests.Presentation;

public sealed class FiguresTests
{
    [Fact]
    public void A_missed_target_is_never_missed_by_zero()
    {
        // The sample's Daniel Brooks, October 2026: FCR 94.536 % against his book's tier mix of 94.538 %.
        var check = new TargetCheck("fcr_pct", 94.536, 94.53825136612022, TargetDirection.AtLeast);
        Assert.False(check.Met);
        Assert.Equal("0.002", Figures.MarginText(check.Margin!.Value)); // 94.53825 − 94.536 = 0.00225
        Assert.Equal(-0.002, Figures.Margin(check));
    }

    [Fact]
    public void A_margin_keeps_two_places_when_they_show_it()
    {
        var missed = new TargetCheck("csat_pct", 92.63, 92.85263157894737, TargetDirection.AtLeast);
        Assert.Equal("0.22", Figures.MarginText(missed.Margin!.Value));
        Assert.Equal(-0.22, Figures.Margin(missed));
        var met = new TargetCheck("escalation_pct", 5.82, 10, TargetDirection.Below);
        Assert.Equal(4.18, Figures.Margin(met));
        Assert.Null(Figures.Margin(new TargetCheck("nps", null, 60, TargetDirection.AtLeast)));
        Assert.Equal(0, Figures.Margin(new TargetCheck("retention_pct", 95, 95, TargetDirection.Above)));
    }
}
