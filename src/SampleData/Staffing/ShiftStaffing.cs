using NodaTime;

namespace SupportLens.SampleData.Staffing;

internal sealed record SupportAgent(string Id, string Name, string Shift, int Level);

/// <summary>A stretch when a shift runs short of people (leave, attrition, illness): the cause of overloaded weeks.</summary>
internal sealed record StaffingDip(LocalDate From, LocalDate To, string? Shift, double Factor, string Reason)
{
    internal bool Covers(LocalDate day, string shift) => day >= From && day < To && (Shift is null || Shift == shift);
}

/// <summary>
/// The follow-the-sun roster (support-promise.md): APAC 22–06 UTC, EMEA 06–14 UTC, Americas 14–22 UTC. Planners staff
/// each shift to last month's demand with some headroom, so growth, launches and incidents outrun them for a while,
/// and the dips below leave some weeks overloaded. Capacity is in agent-hours of ticket work per clock hour.
/// </summary>
internal sealed class ShiftStaffing
{
    internal static readonly string[] Shifts = ["APAC", "EMEA", "Americas"];

    /// <summary>Of each agent-hour, the part spent on tickets (the rest is calls, meetings, breaks).</summary>
    internal const double Productivity = 0.75;

    private const double Headroom = 1.25;

    private readonly HistoryWindow _window;
    private readonly int[,,] _agents; // [shift, month, weekend?1:0]
    private readonly Dictionary<(string Shift, int Level), List<SupportAgent>> _roster;

    internal ShiftStaffing(double[] expectedWorkPerHour, HistoryWindow window, Prng rng)
    {
        _window = window;
        var months = MonthIndex(window.End - Duration.FromHours(1)) + 1;
        var sum = new double[Shifts.Length, months, 2];
        var hours = new int[Shifts.Length, months, 2];
        for (var h = 0; h < expectedWorkPerHour.Length; h++)
        {
            var t = window.Start + Duration.FromHours(h);
            var (s, m, w) = (ShiftIndex(t), MonthIndex(t), IsWeekend(t) ? 1 : 0);
            sum[s, m, w] += expectedWorkPerHour[h];
            hours[s, m, w]++;
        }
        _agents = new int[Shifts.Length, months, 2];
        for (var s = 0; s < Shifts.Length; s++)
        {
            for (var m = 0; m < months; m++)
            {
                for (var w = 0; w < 2; w++)
                {
                    // Hiring lags demand by a month.
                    var basis = m == 0 ? m : m - 1;
                    var load = hours[s, basis, w] == 0 ? 0 : sum[s, basis, w] / hours[s, basis, w];
                    _agents[s, m, w] = Math.Max(1, (int)Math.Ceiling(load * Headroom / Productivity));
                }
            }
        }
        Dips = PlanDips(window);
        _roster = BuildRoster(rng);
    }

    internal IReadOnlyList<StaffingDip> Dips { get; }

    internal static int ShiftIndex(Instant t)
    {
        var hour = t.InUtc().Hour;
        return hour >= 22 || hour < 6 ? 0 : hour < 14 ? 1 : 2;
    }

    internal static string ShiftAt(Instant t) => Shifts[ShiftIndex(t)];

    internal double Capacity(Instant hour)
    {
        var s = ShiftIndex(hour);
        var agents = _agents[s, Math.Min(MonthIndex(hour), _agents.GetLength(1) - 1), IsWeekend(hour) ? 1 : 0];
        var day = hour.InZone(SupportPlan.ReportingZone).Date;
        var factor = 1.0;
        foreach (var dip in Dips)
        {
            if (dip.Covers(day, Shifts[s]))
            {
                factor = Math.Min(factor, dip.Factor);
            }
        }
        return Math.Max(0.5, agents * factor) * Productivity;
    }

    /// <summary>An agent of the shift on duty at <paramref name="t"/> at the given support level.</summary>
    internal SupportAgent AgentFor(Instant t, int level, Prng rng) => rng.Pick(_roster[(ShiftAt(t), level)]);

    internal IEnumerable<SupportAgent> Roster => _roster.Values.SelectMany(a => a);

    private int MonthIndex(Instant t)
    {
        var day = t.InZone(SupportPlan.ReportingZone).Date;
        return (day.Year - _window.FirstDay.Year) * 12 + day.Month - _window.FirstDay.Month;
    }

    private static bool IsWeekend(Instant t) => t.InUtc().DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>The overload stories, placed by calendar so they land inside any 18-month history.</summary>
    private static List<StaffingDip> PlanDips(HistoryWindow window)
    {
        var dips = new List<StaffingDip>();
        void Add(int month, int day, int notBeforeMonth, int days, string? shift, double factor, string reason)
        {
            var from = Next(window.FirstDay.PlusMonths(notBeforeMonth), month, day);
            while (from.DayOfWeek != IsoDayOfWeek.Monday)
            {
                from = from.PlusDays(-1);
            }
            if (from.PlusDays(days) < window.EndDay)
            {
                dips.Add(new StaffingDip(from, from.PlusDays(days), shift, factor, reason));
            }
        }
        Add(7, 28, 1, 14, "Americas", 0.6, "summer leave: the Americas shift runs at 60 % for two weeks");
        Add(12, 22, 1, 14, null, 0.6, "holiday skeleton crew: every shift at 60 % over Christmas and New Year");
        Add(2, 16, 1, 7, "EMEA", 0.5, "flu wave: EMEA loses half its agents for a week");
        Add(6, 15, 12, 21, "Americas", 0.7, "attrition: a third of the Americas agents leave after a launch and are replaced three weeks later");
        return dips;
    }

    private static LocalDate Next(LocalDate after, int month, int day)
    {
        var candidate = new LocalDate(after.Year, month, day);
        return candidate >= after ? candidate : candidate.PlusYears(1);
    }

    private Dictionary<(string, int), List<SupportAgent>> BuildRoster(Prng rng)
    {
        string[] first = ["Ava", "Liam", "Noah", "Mia", "Aiko", "Ravi", "Lena", "Omar", "Chloe", "Mateo", "Zara", "Ethan", "Ines", "Kenji", "Nia", "Lucas", "Freya", "Arjun", "Hana", "Felix", "Amara", "Jonas", "Sana", "Diego"];
        string[] last = ["Chen", "Patel", "Nguyen", "Schmidt", "Okoye", "Silva", "Murphy", "Tanaka", "Rossi", "Kowalski", "Haddad", "Larsen", "Moreau", "Kim", "Walsh", "Ortiz"];
        var roster = new Dictionary<(string, int), List<SupportAgent>>();
        var number = 0;
        for (var s = 0; s < Shifts.Length; s++)
        {
            var peak = 0;
            for (var m = 0; m < _agents.GetLength(1); m++)
            {
                peak = Math.Max(peak, _agents[s, m, 0]);
            }
            // Level 1 takes most tickets; levels 2 and 3 are the escalation path of each shift.
            var perLevel = new[] { Math.Max(2, (int)Math.Ceiling(peak * 0.7)), Math.Max(1, (int)Math.Ceiling(peak * 0.22)), Math.Max(1, (int)Math.Ceiling(peak * 0.08)) };
            for (var level = 1; level <= 3; level++)
            {
                var list = new List<SupportAgent>();
                for (var i = 0; i < perLevel[level - 1]; i++)
                {
                    number++;
                    var name = $"{rng.Pick(first)} {rng.Pick(last)}";
                    list.Add(new SupportAgent($"A-{number:D3}", name, Shifts[s], level));
                }
                roster[(Shifts[s], level)] = list;
            }
        }
        return roster;
    }
}
