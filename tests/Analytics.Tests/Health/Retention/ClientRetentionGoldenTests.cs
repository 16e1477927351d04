using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Health.Retention;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Tests.Health.Retention;

/// <summary>Retention over nine hand-made clients; each figure is worked out in comments. Target 95 %.</summary>
public sealed class ClientRetentionGoldenTests
{
    private static readonly ClientAccount[] Clients =
    [
        new("A", SupportTier.Starter, "Ana", new LocalDate(2025, 1, 1), Mrr: 100m),
        new("B", SupportTier.Starter, "Ana", new LocalDate(2025, 6, 1), Mrr: 200m, ChurnedOn: new LocalDate(2026, 2, 15)),
        new("C", SupportTier.Professional, "Ben", new LocalDate(2024, 1, 1), Mrr: 1000m),
        // Starts on the first day of Q1: active at its start.
        new("D", SupportTier.Professional, "Ben", new LocalDate(2026, 1, 1), Mrr: 500m),
        // Starts on the second day of Q1: not at its start, so not in Q1's figures.
        new("E", SupportTier.Business, null, new LocalDate(2026, 1, 2), Mrr: 4000m),
        // Churns on the last day of Q1: not active at its end, so lost in Q1.
        new("F", SupportTier.Business, null, new LocalDate(2023, 1, 1), Mrr: 3000m, ChurnedOn: new LocalDate(2026, 3, 31)),
        // Churns on the first day of Q1: already gone at its start, and kept through 2025.
        new("G", SupportTier.Enterprise, "Ana", new LocalDate(2022, 1, 1), Mrr: 30000m, ChurnedOn: new LocalDate(2026, 1, 1)),
        // Churns the day after Q1 ends: retained in Q1.
        new("H", SupportTier.Enterprise, "Ben", new LocalDate(2022, 6, 1), Mrr: 20000m, ChurnedOn: new LocalDate(2026, 4, 1)),
        // No MRR: counts for clients, not for MRR.
        new("I", SupportTier.Starter, "Ana", new LocalDate(2024, 3, 1)),
    ];

    [Fact]
    public void A_quarter_all_clients()
    {
        var report = ClientRetention.Measure(Clients, RetentionPeriod.Quarter(2026, 1), 95);

        // At the start of Q1 (2026-01-01): A B C D F H I = 7; still active on 2026-03-31: A C D H I = 5; lost B and F.
        var all = report.All;
        Assert.Equal(7, all.ClientsAtStart);
        Assert.Equal(5, all.ClientsRetained);
        Assert.Equal(new[] { "B", "F" }, all.Lost);
        Assert.Equal(100.0 * 5 / 7, all.ClientRetentionPct!.Value, 9); // 71.43 %
        // MRR at start 100 + 200 + 1000 + 500 + 3000 + 20000 = 24800; retained 100 + 1000 + 500 + 20000 = 21600 -> 87.10 %.
        Assert.Equal(24800m, all.MrrAtStart);
        Assert.Equal(21600m, all.MrrRetained);
        Assert.Equal(100.0 * 21600 / 24800, all.MrrRetentionPct!.Value, 9);
        Assert.False(all.ClientTarget.Met);
        Assert.False(all.MrrTarget.Met);
        Assert.Equal(100.0 * 5 / 7 - 95, all.ClientTarget.Margin!.Value, 9);
    }

    [Fact]
    public void A_quarter_by_tier()
    {
        var figures = ClientRetention.Measure(Clients, RetentionPeriod.Quarter(2026, 1), 95).ByTier;
        var byTier = figures.ToDictionary(f => f.Key);

        Assert.Equal(["starter", "professional", "business", "enterprise"], figures.Select(f => f.Key));
        // starter: A B I at the start, A I retained: 2/3; MRR 100 + 200 = 300, 100 retained: 33.3 %.
        Assert.Equal(100.0 * 2 / 3, byTier["starter"].ClientRetentionPct!.Value, 9);
        Assert.Equal(100.0 / 3, byTier["starter"].MrrRetentionPct!.Value, 9);
        // professional: C D, both retained: 100 %, target met.
        Assert.Equal(100, byTier["professional"].ClientRetentionPct);
        Assert.True(byTier["professional"].ClientTarget.Met);
        // business: only F (E starts later), lost: 0 %, which is measured, not "no data".
        Assert.Equal(0, byTier["business"].ClientRetentionPct);
        Assert.Equal(0, byTier["business"].MrrRetentionPct);
        // enterprise: only H (G left on the first day): 1/1.
        Assert.Equal(1, byTier["enterprise"].ClientsAtStart);
        Assert.Equal(100, byTier["enterprise"].MrrRetentionPct);
    }

    [Fact]
    public void A_quarter_by_success_manager()
    {
        var figures = ClientRetention.Measure(Clients, RetentionPeriod.Quarter(2026, 1), 95).BySuccessManager;
        var bySm = figures.ToDictionary(f => f.Key);

        Assert.Equal(["Ana", "Ben", "unassigned"], figures.Select(f => f.Key));
        // Ana: A B I -> A I (2/3); Ben: C D H, all retained; unassigned: F, lost.
        Assert.Equal((3, 2), (bySm["Ana"].ClientsAtStart, bySm["Ana"].ClientsRetained));
        Assert.Equal((3, 3), (bySm["Ben"].ClientsAtStart, bySm["Ben"].ClientsRetained));
        // Ben's MRR: 1000 + 500 + 20000 = 21500, all kept.
        Assert.Equal(21500m, bySm["Ben"].MrrAtStart);
        Assert.Equal(new[] { "F" }, bySm["unassigned"].Lost);
    }

    [Fact]
    public void A_year()
    {
        var report = ClientRetention.Measure(Clients, RetentionPeriod.Year(2025), 95);

        // Active on 2025-01-01: A (starts that day) C F G H I = 6 (B starts in June); all still active on 2025-12-31
        // (G leaves on 2026-01-01): 6/6 = 100 %. MRR 100 + 1000 + 3000 + 30000 + 20000 = 54100, all kept.
        Assert.Equal(6, report.All.ClientsAtStart);
        Assert.Equal(100, report.All.ClientRetentionPct);
        Assert.Equal(54100m, report.All.MrrAtStart);
        Assert.True(report.All.MrrTarget.Met);
        Assert.Equal(new LocalDate(2025, 12, 31), report.Period.End);
    }

    [Fact]
    public void A_period_with_nobody_at_its_start_is_not_measured()
    {
        var report = ClientRetention.Measure(Clients, RetentionPeriod.Year(2021), 95);

        Assert.Equal(0, report.All.ClientsAtStart);
        Assert.Null(report.All.ClientRetentionPct);
        Assert.Null(report.All.MrrRetentionPct);
        Assert.Null(report.All.ClientTarget.Met);
        Assert.Empty(report.ByTier);
        Assert.Empty(report.BySuccessManager);
    }

    [Fact]
    public void Periods_are_named_and_bounded()
    {
        Assert.Equal(new RetentionPeriod("2026-Q2", new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)), RetentionPeriod.QuarterOf(new LocalDate(2026, 5, 17)));
        Assert.Equal(new LocalDate(2026, 12, 31), RetentionPeriod.Quarter(2026, 4).End);
        Assert.Equal(
            new RetentionPeriod("12 months to 2026-10-31", new LocalDate(2025, 11, 1), new LocalDate(2026, 10, 31)),
            RetentionPeriod.Trailing(new LocalDate(2026, 10, 31), 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionPeriod.Quarter(2026, 5));
    }
}
