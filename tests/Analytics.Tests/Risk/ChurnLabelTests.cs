using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Tests.Health;

namespace SupportLens.Analytics.Tests.Risk;

public sealed class ChurnLabelTests
{
    private static readonly LocalDate DataEnd = new(2026, 10, 31);

    [Theory]
    // Churned 2026-05-21; horizon 90 days.
    [InlineData("2026-03-01", "2026-05-21", ChurnLabel.Churned)] // 81 days ahead
    [InlineData("2026-02-20", "2026-05-21", ChurnLabel.Churned)] // exactly 90 days ahead: inside (as-of, as-of + 90]
    [InlineData("2026-02-19", "2026-05-21", ChurnLabel.Stayed)] // 91 days ahead: stayed through this window
    [InlineData("2026-05-20", "2026-05-21", ChurnLabel.Churned)]
    [InlineData("2026-05-21", "2026-05-21", ChurnLabel.AfterChurn)] // the churn day itself: no longer a client
    [InlineData("2026-06-01", "2026-05-21", ChurnLabel.AfterChurn)]
    // Never churned: labelled while the whole window is inside the data (as-of + 90 <= 2026-10-31, i.e. up to 2026-08-02).
    [InlineData("2026-08-02", null, ChurnLabel.Stayed)]
    [InlineData("2026-08-03", null, ChurnLabel.Unknown)]
    // Churn known inside the data although the window runs past its end: positive.
    [InlineData("2026-09-01", "2026-10-11", ChurnLabel.Churned)]
    // A churn date after the data end is not known yet: censored like a client that stays.
    [InlineData("2026-09-01", "2026-11-15", ChurnLabel.Unknown)]
    [InlineData("2026-07-01", "2026-11-15", ChurnLabel.Stayed)]
    public void A_snapshot_is_positive_when_the_client_churns_within_the_horizon(string asOf, string? churnedOn, ChurnLabel expected)
    {
        var day = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value;
        var client = new ClientAccount("C-1", SupportTier.Starter, ChurnedOn: churnedOn is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(churnedOn).Value);
        var inputs = new ClientHealthInputs("C-1", SupportTier.Starter, day);
        var snapshot = new ChurnSnapshot(client, inputs, HealthFixtures.Scorer().Score(inputs));

        Assert.Equal(expected, ChurnLabels.Of(snapshot, 90, DataEnd));
    }

    [Fact]
    public void A_snapshot_is_one_client_on_one_day()
    {
        var inputs = new ClientHealthInputs("C-1", SupportTier.Starter, DataEnd);
        var health = HealthFixtures.Scorer().Score(inputs);

        Assert.Throws<ArgumentException>(() => new ChurnSnapshot(new ClientAccount("C-2", SupportTier.Starter), inputs, health));
        Assert.Throws<ArgumentException>(() => new ChurnSnapshot(
            new ClientAccount("C-1", SupportTier.Starter), inputs, HealthFixtures.Scorer().Score(inputs with { AsOf = DataEnd.PlusDays(-1) })));
    }
}
