using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// One shift in one ISO week (Monday start, in the shift's own time zone): the agents its busiest day needs on
/// the floor (<see cref="RequiredAgents"/>), the agents to schedule once shrinkage is allowed for, those on the
/// roster, and the gap (rostered − scheduled; negative means short). <see cref="ShortDays"/> counts the days
/// of the week the roster falls short.
/// </summary>
public sealed record ShiftWeek(
    LocalDate WeekStart,
    string Shift,
    double RequiredAgents,
    double ScheduledAgents,
    int RosteredAgents,
    double Gap,
    int ShortDays,
    IReadOnlyDictionary<string, double> RequiredByChannel);

/// <summary>
/// The week-by-week gap table, and the forecast contacts that fall in hours no shift covers (they need a
/// shift, not more agents on an existing one).
/// </summary>
public sealed record CapacityPlan(IReadOnlyList<ShiftWeek> Weeks, double UncoveredContacts);
