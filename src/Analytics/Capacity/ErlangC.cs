namespace SupportLens.Analytics.Capacity;

/// <summary>
/// The Erlang C queue (M/M/N): calls arrive at random, wait in one queue and are answered by the first of N
/// agents to become free. The waiting probability comes from the Erlang B recursion
/// B(k) = A·B(k−1) / (k + A·B(k−1)), which never forms a factorial or a power of A, so hundreds of agents
/// and thousands of Erlangs stay finite.
/// </summary>
public static class ErlangC
{
    /// <summary>Offered traffic in Erlangs: contacts per hour × handle time in hours.</summary>
    public static double Traffic(double contactsPerHour, TimeSpan handleTime) => contactsPerHour * handleTime.TotalHours;

    /// <summary>Probability that a contact has to wait; 1 when the agents cannot keep up (N ≤ A).</summary>
    public static double WaitProbability(int agents, double traffic)
    {
        if (traffic <= 0)
        {
            return 0;
        }

        if (agents <= traffic)
        {
            return 1;
        }

        var blocking = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            blocking = traffic * blocking / (k + traffic * blocking);
        }

        return agents * blocking / (agents - traffic * (1 - blocking));
    }

    /// <summary>Share of contacts answered within <paramref name="answerWithin"/>: 1 − C·e^(−(N−A)·t/AHT).</summary>
    public static double ServiceLevel(int agents, double traffic, TimeSpan handleTime, TimeSpan answerWithin)
    {
        if (traffic <= 0)
        {
            return 1;
        }

        if (agents <= traffic)
        {
            return 0;
        }

        var wait = WaitProbability(agents, traffic);
        return 1 - wait * Math.Exp(-(agents - traffic) * answerWithin.TotalSeconds / handleTime.TotalSeconds);
    }

    /// <summary>Average speed of answer: C·AHT / (N − A).</summary>
    public static TimeSpan AverageSpeedOfAnswer(int agents, double traffic, TimeSpan handleTime) =>
        agents <= traffic
            ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(WaitProbability(agents, traffic) * handleTime.TotalSeconds / (agents - traffic));

    /// <summary>
    /// The fewest agents that answer the target share in time without working above the maximum occupancy,
    /// for <paramref name="contacts"/> arriving evenly over <paramref name="interval"/>.
    /// </summary>
    public static LiveStaffing RequiredAgents(double contacts, TimeSpan interval, ServiceLevelTarget target)
    {
        var traffic = contacts / interval.TotalHours * target.HandleTime.TotalHours;
        if (traffic <= 0)
        {
            return new LiveStaffing(0, 0, 1, 0);
        }

        var agents = Math.Max(1, (int)Math.Ceiling(traffic / target.MaxOccupancy));
        while (agents <= traffic || ServiceLevel(agents, traffic, target.HandleTime, target.AnswerWithin) < target.Share)
        {
            agents++;
        }

        return new LiveStaffing(agents, traffic, ServiceLevel(agents, traffic, target.HandleTime, target.AnswerWithin), traffic / agents);
    }
}

/// <summary>Agents needed for a live channel in one interval, with the service level and occupancy they reach.</summary>
public sealed record LiveStaffing(int Agents, double TrafficErlangs, double ServiceLevel, double Occupancy);
