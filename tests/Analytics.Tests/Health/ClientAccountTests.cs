using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Health;

public sealed class ClientAccountTests
{
    private static readonly ClientAccount Shamrock = new(
        "C-001", SupportTier.Starter, "Sofia Marquez", new LocalDate(2023, 2, 1), new LocalDate(2027, 2, 1), 390m);

    [Theory]
    [InlineData("2026-11-01", "2027-02-01")]
    [InlineData("2026-02-01", "2026-02-01")] // the renewal day itself
    [InlineData("2026-02-02", "2027-02-01")]
    [InlineData("2025-06-01", "2026-02-01")] // history: the anniversary that was next then
    [InlineData("2023-03-01", "2024-02-01")] // first term: never the contract start itself
    public void The_next_renewal_steps_back_by_years_to_the_first_one_ahead(string day, string expected) =>
        Assert.Equal(LocalDatePattern.Iso.Parse(expected).Value, Shamrock.NextRenewalOn(LocalDatePattern.Iso.Parse(day).Value));

    [Fact]
    public void No_next_renewal_when_the_date_is_unknown_or_behind()
    {
        Assert.Null(Shamrock.NextRenewalOn(new LocalDate(2027, 2, 2)));
        Assert.Null((Shamrock with { RenewalDate = null }).NextRenewalOn(new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Active_from_contract_start_until_the_churn_day()
    {
        var churner = Shamrock with { ChurnedOn = new LocalDate(2026, 3, 20) };

        Assert.False(churner.IsActiveOn(new LocalDate(2023, 1, 31)));
        Assert.True(churner.IsActiveOn(new LocalDate(2023, 2, 1)));
        Assert.True(churner.IsActiveOn(new LocalDate(2026, 3, 19)));
        Assert.False(churner.IsActiveOn(new LocalDate(2026, 3, 20)));
        Assert.True((churner with { ContractStart = null }).IsActiveOn(new LocalDate(1990, 1, 1)));
    }
}
