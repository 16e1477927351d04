using SupportLens.Web.Composition;

namespace SupportLens.Web.Hosting;

/// <summary>
/// How `supportlens serve` runs; every setting has a default that suits one server on a laptop or a small VM.
/// </summary>
internal sealed record WebSettings(SupportLensOptions Options, TimeProvider Time)
{
    /// <summary>The default address: loopback only, so nothing is exposed until someone asks for it with --urls.</summary>
    internal const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where Kestrel listens (semicolon-separated URLs). Default <see cref="DefaultUrls"/>.</summary>
    internal string Urls { get; init; } = DefaultUrls;

    /// <summary>Sign-in attempts (POST /signin) per client address per minute; more answer 429. Default 10.</summary>
    internal int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>The largest upload the ingest page and API take. Default 2 GiB (a year of tickets of a large organisation).</summary>
    internal long MaxUploadBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long a sign-in lasts without activity. Default 8 hours (a working day).</summary>
    internal TimeSpan SignInLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The admin password on first start (else a random one is printed once). Default: $SUPPORTLENS_ADMIN_PASSWORD.</summary>
    internal string? FirstAdminPassword { get; init; } = Environment.GetEnvironmentVariable("SUPPORTLENS_ADMIN_PASSWORD");

    /// <summary>
    /// Whether the server computes the views everyone opens first as soon as the data changes (<see cref="Dashboard.DashboardWarmUp"/>).
    /// Default on.
    /// </summary>
    internal bool WarmUp { get; init; } = true;

    /// <summary>How often the warm-up looks at the data version (one small query). Default 2 seconds.</summary>
    internal TimeSpan WarmUpInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where the one-time admin password and the listening addresses are printed.</summary>
    internal TextWriter Output { get; init; } = TextWriter.Null;

    internal void Validate()
    {
        if (SignInAttemptsPerMinute < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SignInAttemptsPerMinute), SignInAttemptsPerMinute, "at least one sign-in attempt a minute");
        }
        if (MaxUploadBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUploadBytes), MaxUploadBytes, "uploads of at least 1 KiB");
        }
        if (WarmUpInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUpInterval), WarmUpInterval, "a positive interval");
        }
        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("--urls needs at least one URL", nameof(Urls));
        }
    }
}
