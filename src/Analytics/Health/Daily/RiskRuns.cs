using System.Collections.Immutable;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Risk;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// Keeps <c>risk_runs</c> and <c>client_risk</c>: the churn risk of every stored client-day, each from a model that knew
/// only what was known then. A run is made on the first day of the history, on the first of each month and on the
/// horizon's day; it trains <see cref="ChurnRiskModel"/> on the month-start snapshots up to its day, with churns known
/// by its day as labels, and assesses every day from its own up to the next run's. A run whose inputs (those snapshots,
/// the assessed days, the settings) did not change since it was stored is kept as it is.
/// </summary>
internal sealed class RiskRuns(RiskSettings risk, HealthSettings health, string settingsFingerprint)
{
    /// <summary>A run and the client-days it reads.</summary>
    private sealed record Run(LocalDate Day, LocalDate AssessesTo, IReadOnlyList<ClientDay> Training, IReadOnlyList<ClientDay> Assessed)
    {
        public string Fingerprint(string settings)
        {
            var text = new StringBuilder().Append(settings).Append('|').Append(Day).Append('|').Append(AssessesTo).Append('\n');
            foreach (var day in Training)
            {
                text.Append("t|").Append(day.Evidence(Day)).Append('\n');
            }
            foreach (var day in Assessed)
            {
                text.Append("a|").Append(day.Evidence(Day)).Append('\n');
            }
            return HealthRow.Digest(text.ToString());
        }
    }

    private sealed record Outcome(Run Run, string Fingerprint, RiskModelCard Card, ImmutableArray<ClientRisk> Risks);

    /// <summary>
    /// Retrains the runs whose inputs changed; returns how many client-day risks it (re)wrote. The client-days come from
    /// <paramref name="store"/> (the stored scores and their inputs). Nothing before <paramref name="changedFrom"/>
    /// changed, so a stored run that assessed only earlier days, up to the same day as planned now, is kept unread.
    /// </summary>
    public long Refresh(
        WarehouseConnection connection, HealthStore store, IReadOnlyDictionary<string, ClientAccount> clients, LocalDate changedFrom,
        DateTimeOffset now)
    {
        var planned = Plan(HealthStore.Days(connection));
        var stored = new Dictionary<LocalDate, (LocalDate AssessesTo, string Fingerprint)>();
        using (var command = connection.CreateCommand("SELECT run_as_of, assesses_to, fingerprint FROM risk_runs"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored[LocalDate.FromDateOnly(reader.GetDateOnly(0))] = (LocalDate.FromDateOnly(reader.GetDateOnly(1)), reader.GetString(2));
            }
        }
        var candidates = planned
            .Where(p => !(p.AssessesTo < changedFrom && stored.TryGetValue(p.Day, out var s) && s.AssessesTo == p.AssessesTo))
            .ToList();
        var needed = candidates.SelectMany(p => p.TrainingDays.Concat(p.AssessedDays)).ToHashSet();
        var byDay = store.ClientDays(connection, clients, needed);
        IReadOnlyList<ClientDay> Of(IEnumerable<LocalDate> days) => [.. days.SelectMany(d => byDay.GetValueOrDefault(d) ?? [])];
        var runs = candidates.Select(p => new Run(p.Day, p.AssessesTo, Of(p.TrainingDays), Of(p.AssessedDays))).ToList();

        var todo = runs
            .Select(run => (run, fingerprint: run.Fingerprint(settingsFingerprint)))
            .Where(x => !stored.TryGetValue(x.run.Day, out var s) || s.Fingerprint != x.fingerprint)
            .ToList();
        var plannedDays = planned.Select(r => r.Day).ToHashSet();
        var gone = stored.Keys.Where(day => !plannedDays.Contains(day)).Concat(todo.Select(x => x.run.Day)).ToList();

        // Runs are independent: each trains its own seeded model.
        var outcomes = new Outcome[todo.Count];
        Parallel.For(0, todo.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (run, fingerprint) = todo[i];
            var model = ChurnRiskModel.Train(run.Training.Select(d => d.Snapshot), run.Day, risk, health);
            outcomes[i] = new Outcome(run, fingerprint, model.Card, model.Assess(run.Assessed.Select(d => d.Snapshot)));
        });

        if (gone.Count > 0)
        {
            var list = string.Join(", ", gone.Select(day => $"DATE '{day:yyyy-MM-dd}'"));
            connection.ExecuteNonQuery($"DELETE FROM client_risk WHERE run_as_of IN ({list}); DELETE FROM risk_runs WHERE run_as_of IN ({list});");
        }
        long written = 0;
        using (var appender = connection.CreateAppender("risk_runs"))
        {
            foreach (var o in outcomes)
            {
                appender
                    .Append(o.Run.Day.ToDateOnly())
                    .Append(o.Run.AssessesTo.ToDateOnly())
                    .Append(MethodName(o.Card.Method))
                    .Append(o.Card.Model is { } kind ? Configuration.RiskSection.Name(kind) : null)
                    .Append(o.Card.ChurnEvents)
                    .Append(o.Card.Auc)
                    .Append(o.Card.Brier)
                    .Append(HealthJson.Write(o.Card))
                    .Append(o.Fingerprint)
                    .Append(now);
                appender.EndRow();
            }
            appender.Complete();
        }
        using (var appender = connection.CreateAppender("client_risk"))
        {
            foreach (var o in outcomes)
            {
                foreach (var r in o.Risks)
                {
                    appender
                        .Append(r.ClientId)
                        .Append(r.AsOf.ToDateOnly())
                        .Append(o.Run.Day.ToDateOnly())
                        .Append(r.Probability)
                        .Append(r.AtRisk)
                        .Append(MethodName(r.Method))
                        .Append(HealthJson.Write(r.Drivers));
                    appender.EndRow();
                    written++;
                }
            }
            appender.Complete();
        }
        return written;
    }

    public static string MethodName(RiskMethod method) => method == RiskMethod.Model ? "model" : "health_rules";

    /// <summary>A planned run: its day, the last day it assesses, and the days whose client-days it trains on and assesses.</summary>
    private sealed record PlannedRun(LocalDate Day, LocalDate AssessesTo, IReadOnlyList<LocalDate> TrainingDays, IReadOnlyList<LocalDate> AssessedDays);

    /// <summary>
    /// The runs of a history (<paramref name="days"/>: the days with scores, in order): its first day, each first of a
    /// month, and its last day; each trains on the firsts of the months up to its day and assesses the days up to the next.
    /// </summary>
    private static List<PlannedRun> Plan(IReadOnlyList<LocalDate> days)
    {
        if (days.Count == 0)
        {
            return [];
        }
        var first = days[0];
        var last = days[^1];
        var starts = new SortedSet<LocalDate> { first, last };
        for (var month = new LocalDate(first.Year, first.Month, 1).PlusMonths(1); month <= last; month = month.PlusMonths(1))
        {
            starts.Add(month);
        }
        var monthStarts = days.Where(d => d.Day == 1).ToList();
        var list = starts.ToList();
        var runs = new List<PlannedRun>();
        for (var i = 0; i < list.Count; i++)
        {
            var day = list[i];
            var to = i + 1 < list.Count ? list[i + 1].PlusDays(-1) : last;
            runs.Add(new PlannedRun(day, to, [.. monthStarts.Where(m => m <= day)], [.. days.Where(d => d >= day && d <= to)]));
        }
        return runs;
    }
}
