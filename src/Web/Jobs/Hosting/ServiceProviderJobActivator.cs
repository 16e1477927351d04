using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace SupportLens.Web.Jobs.Hosting;

/// <summary>Hangfire builds job objects from the composition root, not from its global configuration.</summary>
internal sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => services.GetService(jobType) ?? ActivatorUtilities.CreateInstance(services, jobType);
}
