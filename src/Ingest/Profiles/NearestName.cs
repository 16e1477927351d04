namespace SupportLens.Ingest.Profiles;

/// <summary>
/// "Did you mean" for a misspelt key or name: the closest candidate by edit distance, where swapping two neighbouring
/// letters counts as one edit (optimal string alignment). Hand-written because the lists are a handful of short
/// keys and the rule is a dozen lines; a library would add a dependency for one loop.
/// </summary>
internal static class NearestName
{
    /// <summary>The candidate closest to <paramref name="name"/> (ignoring case), when it is near enough to be a typo of it.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var allowed = Math.Max(1, Math.Min(3, (name.Length + 1) / 3));
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>": did you mean 'x'?" when there is a near candidate, else "".</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Find(name, candidates) is { } near ? $": did you mean '{near}'?" : "";

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
