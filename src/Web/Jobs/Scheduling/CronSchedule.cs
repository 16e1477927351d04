using Cronos;

namespace SupportLens.Web.Jobs.Scheduling;

/// <summary>
/// A cron expression read in a time zone (5 fields, or 6 with seconds first), the same way Hangfire reads it: both use
/// Cronos, so the occurrences the planner counts are the ones the scheduler fires at.
/// </summary>
internal sealed class CronSchedule
{
    private readonly CronExpression _expression;

    public CronSchedule(string text, TimeZoneInfo zone)
    {
        Text = text;
        Zone = zone;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        _expression = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    public string Text { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Occurrences in [from, to], oldest first.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to) =>
        to < from ? [] : _expression.GetOccurrences(from, to, Zone, fromInclusive: true, toInclusive: true);

    /// <summary>The first occurrence after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, Zone);

    public override string ToString() => $"{Text} ({Zone.Id})";
}
