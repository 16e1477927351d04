namespace SupportLens.SampleData;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than System.Random because the sample
/// data is committed and compared byte for byte: its sequence must never change with a .NET upgrade.
/// </summary>
internal sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    internal Prng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>
    /// An independent stream per generation step, so a change in how many numbers one step draws
    /// (more incidents, say) does not reshuffle every ticket after it.
    /// </summary>
    internal static Prng For(ulong seed, string stream)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new Prng(seed ^ hash);
    }

    internal Prng Fork(string stream) => For(NextULong(), stream);

    internal ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    internal double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    internal int Next(int max) => max <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)max);

    internal int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    internal double Uniform(double min, double max) => min + (max - min) * NextDouble();

    internal bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Box–Muller (one value per call keeps the stream simple to reason about).</summary>
    internal double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median: service times are right-skewed, a few take very long.</summary>
    internal double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    internal double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    internal int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }
        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Normal()));
        }
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    internal T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    internal T Pick<T>(IReadOnlyList<(T Item, double Weight)> weighted)
    {
        var total = 0.0;
        foreach (var (_, w) in weighted)
        {
            total += w;
        }
        var x = NextDouble() * total;
        foreach (var (item, w) in weighted)
        {
            x -= w;
            if (x < 0)
            {
                return item;
            }
        }
        return weighted[^1].Item;
    }

    /// <summary>Lower-case base-36 identifier, the shape Statuspage uses for its ids.</summary>
    internal string Base36(int length)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[rng.Next(alphabet.Length)];
            }
        });
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
