using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration;
using SupportLens.Storage;
using SupportLens.Web.Composition;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs.Dashboard;
using SupportLens.Web.Jobs.Hosting;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Reports;
using SupportLens.Web.Jobs.Running;

namespace SupportLens.Web.Jobs;

/// <summary>
/// The job layer in the composition root. The web host calls <see cref="AddSupportLensJobs"/> after AddSupportLens and
/// <see cref="MapSupportLensJobs"/> for the dashboard; the CLI uses <see cref="AddSupportLensJobRunner"/> alone (no scheduler).
/// The reports are src/Reports' PDFs (<see cref="PdfReportRenderer"/>); register another <see cref="IReportRenderer"/>
/// before these calls to replace it (tests do).
/// </summary>
public static class JobsServices
{
    /// <summary>The dashboard's path.</summary>
    public const string DashboardPath = "/jobs";

    /// <summary>The scheduled jobs: the runner and ledgers, Hangfire's storage and a hosted service that schedules and runs them.</summary>
    public static IServiceCollection AddSupportLensJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => JobStorageFactory.Hangfire(provider.GetRequiredService<SupportLensSettings>().Jobs));
        services.TryAddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        services.TryAddSingleton<IRecurringJobManager>(provider => new RecurringJobManager(provider.GetRequiredService<JobStorage>()));
        services.TryAddSingleton<IJobWakeups, HangfireWakeups>();
        services.TryAddTransient<JobTrigger>();
        // The dashboard checks that Hangfire is "configured". Not AddHangfire: that points Hangfire's process-wide logger at
        // this host's logger factory, which outlives nothing once the host is disposed. Every Hangfire object here is
        // given our storage explicitly instead of the global one.
        services.TryAddSingleton<IGlobalConfiguration>(_ => GlobalConfiguration.Configuration);
        services.TryAddSingleton(_ => Hangfire.Dashboard.DashboardRoutes.Routes);
        services.TryAddSingleton<Hangfire.Common.IJobFilterProvider>(_ => Hangfire.Common.JobFilterProviders.Providers);
        services.TryAddSingleton<ITimeZoneResolver>(_ => new DefaultTimeZoneResolver());
        services.AddHostedService<JobsHost>();
        return services.AddSupportLensJobRunner();
    }

    /// <summary>
    /// The Hangfire dashboard at /jobs with SupportLens's Runs and Deliveries pages, for the users the authorization
    /// policy admits (the web host passes its admin policy).
    /// </summary>
    public static IEndpointConventionBuilder MapSupportLensJobs(this IEndpointRouteBuilder endpoints, string authorizationPolicy)
    {
        JobsDashboard.Register();
        return endpoints.MapHangfireDashboardWithAuthorizationPolicy(authorizationPolicy, DashboardPath, new DashboardOptions
        {
            DashboardTitle = "SupportLens jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }, endpoints.ServiceProvider.GetRequiredService<JobStorage>());
    }

    /// <summary>What running a job needs, without a scheduler: ledgers, locks, rendering and delivery (`supportlens jobs run`).</summary>
    internal static IServiceCollection AddSupportLensJobRunner(this IServiceCollection services)
    {
        services.TryAddSingleton(JobNode.Current);
        services.TryAddSingleton(provider => JobStorageFactory.Ledgers(
            provider.GetRequiredService<SupportLensSettings>().Jobs, provider.GetRequiredService<SupportLensOptions>()));
        services.TryAddSingleton<RunLedger>();
        services.TryAddSingleton<DeliveryLedger>();
        services.TryAddSingleton<JobLocks>();
        services.TryAddSingleton<JobCatalog>();
        services.TryAddSingleton<IJobWakeups, NoWakeups>();
        services.TryAddSingleton<IUserContacts>(provider => new DirectoryUserContacts(provider.GetRequiredService<Auth.UserDirectory>()));
        services.TryAddSingleton(provider => new RecipientResolver(
            provider.GetRequiredService<IUserContacts>(), provider.GetRequiredService<SupportLensSettings>().Jobs.Recipients));
        services.TryAddSingleton<IReportRenderer>(provider => new PdfReportRenderer(provider.GetRequiredService<SupportLens.Reports.ReportRenderer>()));
        services.TryAddSingleton<MailTransports>();
        services.TryAddSingleton<DeliveryService>();
        services.TryAddSingleton<ReportJobs>();
        services.TryAddSingleton<JobRunner>();
        return services;
    }
}
