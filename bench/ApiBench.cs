using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Web.Auth;
using SupportLens.Web.Composition;
using SupportLens.Web.Hosting;

namespace SupportLens.Bench;

/// <summary>
/// The dashboard API under load: `supportlens serve` (Kestrel on a loopback port, the very application the CLI runs)
/// over the scale stream's warehouse (default 10 M tickets), called by 4 concurrent clients with a Bearer token.
/// Cold: the first call of each endpoint right after a refresh moved the data version (every answer is cached under it),
/// the endpoints spread over the callers; first: the same once the server's warm-up has computed the first views of
/// the new version (an endpoint outside them, e.g. a client's detail, is still cold); warm: the same calls again and
/// again, answered from the cache. Prints p50 and
/// p95 per endpoint against the budget of issue 13: p95 under 100 ms.
/// </summary>
internal static class ApiBench
{
    private const double BudgetMs = 100;

    /// <summary>The main endpoints, as the pages call them (the sample's last month, a client of the sample).</summary>
    private static readonly (string Name, string Path)[] Endpoints =
    [
        ("overview (metrics)", "/api/metrics?month=2026-10"),
        ("quality by tier", "/api/metrics?month=2026-10&by=tier"),
        ("quality trend", "/api/metrics?from=2025-11-01&to=2026-10-31&by=month"),
        ("by client", "/api/metrics?month=2026-10&by=client"),
        ("sla due soon", "/api/sla/due-soon"),
        ("incidents", "/api/incidents?month=2026-10"),
        ("health list", "/api/health"),
        ("client detail", "/api/clients/C-001?month=2026-10"),
        ("client health", "/api/health/clients/C-001"),
        ("forecast", "/api/forecast"),
        ("capacity", "/api/capacity"),
    ];

    internal static void Run(string[] args)
    {
        var tickets = int.Parse(Option(args, "--tickets") ?? "10000000", CultureInfo.InvariantCulture);
        var callers = int.Parse(Option(args, "--callers") ?? "4", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var requests = int.Parse(Option(args, "--requests") ?? "200", CultureInfo.InvariantCulture);
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP_DATA");
        var work = keep ?? Path.Combine(Path.GetTempPath(), "supportlens-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using (var warehouse = Warehouse.Open(work, TimeProvider.System))
            {
                BenchWarehouse.EnsureLoaded(warehouse, tickets, "api");
                // `supportlens refresh`, as after each ingest (on a kept warehouse, only what lags).
                var refresh = new RefreshService(warehouse, DerivedTables.All(SupportLensSettings.Default, TimeProvider.System), TimeProvider.System);
                foreach (var step in refresh.Run())
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"api: refresh {step.Name} {(step.WasStale ? $"wrote {step.Rows:N0} rows" : "up to date")} in {step.Elapsed.TotalSeconds:F1} s"));
                }
            }
            RunAsync(work, callers, rounds, requests).GetAwaiter().GetResult();
        }
        finally
        {
            if (keep is null && Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task RunAsync(string work, int callers, int rounds, int requests)
    {
        var options = new SupportLensOptions(work, null);
        await using var app = SupportLensWebApp.Build(new WebSettings(options, TimeProvider.System) { Urls = "http://127.0.0.1:0", FirstAdminPassword = "bench admin password" },
            builder => builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error));
        SupportLensWebApp.Prepare(app);
        var users = app.Services.GetRequiredService<UserDirectory>();
        if (users.Find("bench") is null)
        {
            users.Add("bench", UserRoles.Admin, null, "bench password 1234", []);
        }
        var token = users.CreateToken("bench").Token;
        await app.StartAsync();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = new Uri(app.Urls.Single()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: serve at {app.Urls.Single()}, {callers} concurrent callers, {Environment.ProcessorCount} cores, load average {BenchWarehouse.LoadAverage()}"));

            // Cold: each round, a refresh moves the data version, then every endpoint is called once, spread over the callers.
            var bump = new RefreshService(app.Services.GetRequiredService<Warehouse>(),
                DerivedTables.All(app.Services.GetRequiredService<SupportLensSettings>(), TimeProvider.System).Where(t => t.Name == "data-horizon"),
                TimeProvider.System);
            var cold = Endpoints.ToDictionary(e => e.Name, _ => new List<double>());
            var roundWall = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                bump.Run(force: true);
                var clock = Stopwatch.StartNew();
                // Rotate the order so that no endpoint is always the first to meet an empty cache.
                var order = Endpoints.Skip(round % Endpoints.Length).Concat(Endpoints.Take(round % Endpoints.Length)).ToList();
                foreach (var (name, ms) in await Call(http, order, callers))
                {
                    cold[name].Add(ms);
                }
                roundWall.Add(clock.Elapsed.TotalMilliseconds);
            }
            Print("cold", cold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: cold round (all {Endpoints.Length} endpoints right after a refresh, {callers} callers, the server's warm-up racing them): median {Percentile(roundWall, 50):F0} ms; load average {BenchWarehouse.LoadAverage()}"));

            // After the warm-up: each round, a refresh, then the server's own warm-up of the first views, then every endpoint once.
            var warmUp = app.Services.GetRequiredService<Web.Dashboard.DashboardWarmUp>();
            var settled = Endpoints.ToDictionary(e => e.Name, _ => new List<double>());
            var warmUpTook = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                bump.Run(force: true);
                string version;
                using (var connection = app.Services.GetRequiredService<Warehouse>().OpenConnection())
                {
                    version = DataVersion.Read(connection);
                }
                while (warmUp.Last?.Version != version)
                {
                    await Task.Delay(50);
                }
                warmUpTook.Add(warmUp.Last.Took.TotalMilliseconds);
                var order = Endpoints.Skip(round % Endpoints.Length).Concat(Endpoints.Take(round % Endpoints.Length)).ToList();
                foreach (var (name, ms) in await Call(http, order, callers))
                {
                    settled[name].Add(ms);
                }
            }
            Print("first", settled);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: first = the first call after a refresh once the server's warm-up (looks every 2 s) has the first views; the warm-up took median {Percentile(warmUpTook, 50) / 1000:F1} s; load average {BenchWarehouse.LoadAverage()}"));

            // Warm: every endpoint `requests` times, interleaved over the callers, from the cache of the current version.
            var calls = Enumerable.Range(0, requests).SelectMany(i => Endpoints.Skip(i % Endpoints.Length).Concat(Endpoints.Take(i % Endpoints.Length))).ToList();
            var warm = Endpoints.ToDictionary(e => e.Name, _ => new List<double>());
            var all = Stopwatch.StartNew();
            foreach (var (name, ms) in await Call(http, calls, callers))
            {
                warm[name].Add(ms);
            }
            var seconds = all.Elapsed.TotalSeconds;
            Print("warm", warm);
            var every = warm.Values.SelectMany(v => v).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: warm all endpoints p50 {Percentile(every, 50),6:F1} ms  p95 {Percentile(every, 95),6:F1} ms  {calls.Count / seconds:N0} requests/s; load average {BenchWarehouse.LoadAverage()}"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Calls each path once, <paramref name="callers"/> at a time; the milliseconds of each call, by endpoint name.</summary>
    private static async Task<List<(string Name, double Ms)>> Call(HttpClient http, IReadOnlyList<(string Name, string Path)> calls, int callers)
    {
        var next = -1;
        var results = new List<(string, double)>[callers];
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            results[caller] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls.Count)
            {
                var (name, path) = calls[i];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                results[caller].Add((name, ms));
            }
        })));
        return [.. results.SelectMany(r => r)];
    }

    private static void Print(string kind, Dictionary<string, List<double>> samples)
    {
        foreach (var (name, path) in Endpoints)
        {
            var ms = samples[name];
            var p95 = Percentile(ms, 95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: {kind} {name,-18} p50 {Percentile(ms, 50),7:F1} ms  p95 {p95,7:F1} ms  ({ms.Count} calls; budget p95 < {BudgetMs:F0} ms: {(p95 < BudgetMs ? "within" : "OVER")})  {path}"));
        }
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
